import type { PocSiteFeature } from '../../shared/sites.js';
import { useServerNow } from '../chrome/useNow.js';
import {
  ACCURACY_LABEL,
  fieldOfficeName,
  formatPartialDate,
  formatSeason,
  inSeason,
  POC_STATUS_LABEL,
  SITE_KIND_LABEL,
} from '../format/labels.js';
import { formatCount } from '../format/quantities.js';
import { jubaMonthNumber } from '../format/time.js';
import type { SelectedSite } from '../state/selection.js';
import { Field } from './Field.js';
import { PositionFields } from './PositionFields.js';

function PocFields({ site }: { site: PocSiteFeature }) {
  const p = site.properties;
  const history = [...p.population].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <>
      <Field label="Status" testId="detail-poc-status">
        <strong>{POC_STATUS_LABEL[p.status]}</strong> since {formatPartialDate(p.statusSince)}
        {p.statusNote && <div className="muted">{p.statusNote}</div>}
      </Field>
      <Field label="Footprint">about {formatCount(p.radiusM)} m radius</Field>
      <dt className="wide">Population</dt>
      <dd className="wide">
        <table className="population" data-testid="detail-population">
          <thead>
            <tr>
              <th>Date</th>
              <th className="num">People</th>
              <th>Source</th>
            </tr>
          </thead>
          <tbody>
            {history.map((row) => (
              <tr key={`${row.date}-${row.source}`}>
                <td>{formatPartialDate(row.date)}</td>
                <td className="num">{formatCount(row.count)}</td>
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
  const now = useServerNow(60_000);
  const p = site.feature.properties;
  const office = 'fieldOffice' in p ? p.fieldOffice : null;
  return (
    <>
      <h2 data-testid="detail-title">{p.name}</h2>
      <p className="panel-subtitle">
        {SITE_KIND_LABEL[p.kind]}
        {office && ` · ${fieldOfficeName(office)} field office`}
      </p>
      <dl className="fields">
        {site.collection === 'pocSites' && <PocFields site={site.feature} />}
        {site.collection === 'fieldOffices' && <Field label="Serves">{site.feature.properties.state}</Field>}
        {site.collection === 'policeStations' && <Field label="About">{site.feature.properties.description}</Field>}
        {site.collection === 'corridors' && (
          <>
            <Field label="Season" testId="detail-season">
              <strong>{formatSeason(site.feature.properties.season)}</strong>
              {inSeason(site.feature.properties.season, jubaMonthNumber(now)) ? ' — in season now' : ' — out of season'}
            </Field>
            <Field label="Dry-season movement">{site.feature.properties.direction}</Field>
            {site.feature.properties.meetsAtKayango && <Field label="Kayango">One of the four corridors that meet at Kayango</Field>}
            <Field label="Evidence">{site.feature.properties.evidence}</Field>
          </>
        )}
        {site.feature.geometry.type === 'Point' && (
          <PositionFields lon={site.feature.geometry.coordinates[0]} lat={site.feature.geometry.coordinates[1]} />
        )}
        <Field label="Accuracy class" testId="detail-accuracy-class">
          {ACCURACY_LABEL[p.accuracy]}
        </Field>
        <Field label="Source" testId="detail-source">
          {p.source}
        </Field>
        {p.notes && <Field label="Notes">{p.notes}</Field>}
      </dl>
    </>
  );
}
