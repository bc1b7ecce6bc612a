/** What a tracker supports; calling a missing one is an `UnsupportedError` raised by core. */
export interface Capabilities {
  episodes: boolean;
  casting: boolean;
  events: boolean;
  /** Replay of past events (`eventsSince`). */
  eventHistory: boolean;
  timeTracking: boolean;
  playlists: boolean;
  previews: boolean;
  attachments: boolean;
  search: boolean;
}

/** The name of one capability: `"episodes"`, `"events"`, ... */
export type Capability = keyof Capabilities;

/** Every capability, for trackers that support the whole model (Kitsu, the mock tracker). */
export const fullCapabilities: Readonly<Capabilities> = Object.freeze({
  episodes: true,
  casting: true,
  events: true,
  eventHistory: true,
  timeTracking: true,
  playlists: true,
  previews: true,
  attachments: true,
  search: true,
});
