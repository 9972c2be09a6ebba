import { DEFAULT_CHECKPOINT_RADIUS_M, MAX_CHECKPOINTS } from '../../shared/patrols.js';

/** A checkpoint on the order being planned; radius and due time as the person typed them. */
export interface DraftCheckpoint {
  /** stable while the list is edited */
  key: number;
  name: string;
  lat: number;
  lon: number;
  radiusM: string;
  /** Juba time of day, "14:30", or empty for "by the end of the patrol" */
  due: string;
}

/**
 * The patrol order being planned on this screen: its checkpoints live in the store so that a
 * click on the map can add one while the form is open; `placing` is true while clicks do.
 */
export interface PatrolDraft {
  checkpoints: DraftCheckpoint[];
  placing: boolean;
  nextKey: number;
}

export const EMPTY_DRAFT: PatrolDraft = { checkpoints: [], placing: false, nextKey: 1 };

/**
 * The draft with one more checkpoint, named "CP n" unless a name is given; unchanged when the
 * order already has the most an order may hold.
 */
export function withCheckpoint(draft: PatrolDraft, at: { lat: number; lon: number }, name?: string): PatrolDraft {
  if (draft.checkpoints.length >= MAX_CHECKPOINTS) return { ...draft, placing: false };
  const checkpoint: DraftCheckpoint = {
    key: draft.nextKey,
    name: name?.trim() || `CP ${draft.checkpoints.length + 1}`,
    lat: at.lat,
    lon: at.lon,
    radiusM: String(DEFAULT_CHECKPOINT_RADIUS_M),
    due: '',
  };
  return { ...draft, checkpoints: [...draft.checkpoints, checkpoint], nextKey: draft.nextKey + 1 };
}

export function withoutCheckpoint(draft: PatrolDraft, key: number): PatrolDraft {
  return { ...draft, checkpoints: draft.checkpoints.filter((c) => c.key !== key) };
}

export function withCheckpointChange(draft: PatrolDraft, key: number, change: Partial<Pick<DraftCheckpoint, 'name' | 'radiusM' | 'due'>>): PatrolDraft {
  return { ...draft, checkpoints: draft.checkpoints.map((c) => (c.key === key ? { ...c, ...change } : c)) };
}
