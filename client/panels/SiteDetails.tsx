import type { PocSiteFeature } from '../../shared/sites.js';
import { useServerNow } from '../chrome/useNow.js';
import { useLang } from '../i18n/lang.js';
import { useMessages } from '../i18n/messages.js';
import { panelMessages } from './messages.js';
import { accuracyLabel, fieldOfficeName, formatPartialDate, formatSeason, inSeason, pocStatusLabel, siteKindLabel } from '../format/labels.js';
import { formatCount } from '../format/quantities.js';
import { jubaMonthNumber } from '../format/time.js';
import type { SelectedSite } from '../state/selection.js';
import { Field } from './Field.js';
import { PositionFields } from './PositionFields.js';

function PocFields({ site }: { site: PocSiteFeature }) {
  const lang = useLang();
  const t = useMessages(panelMessages);
  const p = site.properties;
  const history = [...p.population].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <>
      <Field label={t.status} testId="detail-poc-status">
        <strong>{pocStatusLabel(p.status, lang)}</strong> {t.since} {formatPartialDate(p.statusSince, lang)}
        {p.statusNote && <div className="muted">{p.statusNote}</div>}
      </Field>
      <Field label={t.footprint}>{t.radius(formatCount(p.radiusM, lang))}</Field>
      <dt className="wide">{t.population}</dt>
      <dd className="wide">
        <table className="population" data-testid="detail-population">
          <thead>
            <tr>
              <th>{t.date}</th>
              <th className="num">{t.people}</th>
              <th>{t.source}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((row) => (
              <tr key={`${row.date}-${row.source}`}>
                <td>{formatPartialDate(row.date, lang)}</td>
                <td className="num">{formatCount(row.count, lang)}</td>
                <td className="muted">{row.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </dd>
    </>
  );
}

/** One site or corridor of the mission pack, with where its facts come from. */
export function SiteDetails({ site }: { site: SelectedSite }) {
  const lang = useLang();
  const t = useMessages(panelMessages);
  const now = useServerNow(60_000);
  const p = site.feature.properties;
  const office = 'fieldOffice' in p ? p.fieldOffice : null;
  return (
    <>
      <h2 data-testid="detail-title">{p.name}</h2>
      <p className="panel-subtitle">
        {siteKindLabel(p.kind, lang)}
        {office && ` · ${t.fieldOffice(fieldOfficeName(office))}`}
      </p>
      <dl className="fields">
        {site.collection === 'pocSites' && <PocFields site={site.feature} />}
        {site.collection === 'fieldOffices' && <Field label={t.serves}>{site.feature.properties.state}</Field>}
        {site.collection === 'policeStations' && <Field label={t.about}>{site.feature.properties.description}</Field>}
        {site.collection === 'corridors' && (
          <>
            <Field label={t.season} testId="detail-season">
              <strong>{formatSeason(site.feature.properties.season, lang)}</strong>
              {inSeason(site.feature.properties.season, jubaMonthNumber(now)) ? t.inSeasonNow : t.outOfSeason}
            </Field>
            <Field label={t.dryMovement}>{site.feature.properties.direction}</Field>
            {site.feature.properties.meetsAtKayango && <Field label="Kayango">{t.kayango}</Field>}
            <Field label={t.evidence}>{site.feature.properties.evidence}</Field>
          </>
        )}
        {site.feature.geometry.type === 'Point' && (
          <PositionFields lon={site.feature.geometry.coordinates[0]} lat={site.feature.geometry.coordinates[1]} />
        )}
        <Field label={t.accuracyClass} testId="detail-accuracy-class">
          {accuracyLabel(p.accuracy, lang)}
        </Field>
        <Field label={t.source} testId="detail-source">
          {p.source}
        </Field>
        {p.notes && <Field label={t.notes}>{p.notes}</Field>}
      </dl>
    </>
  );
}
