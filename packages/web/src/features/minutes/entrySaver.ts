import { CodedError, type MinutesEntry } from '@pm/shared';
import { callApi } from '../../api/apiClient';
import { detach } from '../../util/detach';

export interface EntryFields {
  text: string;
  agendaPosition: number | null;
  speakerSiteId: string | null;
  speakerName: string | null;
}
export type SaveStatus = 'unsaved' | 'saving' | 'saved' | 'failed' | 'conflict';

const DEBOUNCE_MS = 700;
const RETRY_MS = 3000;
const fieldsOf = (e: MinutesEntry): EntryFields => ({
  text: e.text,
  agendaPosition: e.agendaPosition,
  speakerSiteId: e.speakerSiteId,
  speakerName: e.speakerSiteId ? null : e.speakerName,
});

/**
 * Saves one minutes entry as it is typed: a pause in typing saves it (the first save creates it,
 * stamped with the moment typing began), a failed save is retried until the server answers, and
 * a save refused because another secretary changed the entry stops until the person chooses
 * whose words to keep. Saves run one at a time, each from the latest saved version.
 */
export class EntrySaver {
  private saved: MinutesEntry | undefined;
  private fields: EntryFields;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<void> = Promise.resolve();
  private state: SaveStatus;
  /** When typing began: a new entry's stamp. */
  private startedAt: string | undefined;
  /** A newer version saved by someone else, kept while ours conflicts with it. */
  private latest: MinutesEntry | undefined;

  constructor(
    private readonly meetingId: string,
    start: { entry: MinutesEntry } | { fields: EntryFields },
    private readonly onChange: (status: SaveStatus, entry: MinutesEntry | undefined) => void,
  ) {
    this.saved = 'entry' in start ? start.entry : undefined;
    this.fields = 'entry' in start ? fieldsOf(start.entry) : start.fields;
    this.state = this.saved ? 'saved' : 'unsaved';
  }

  get status(): SaveStatus {
    return this.state;
  }

  get entry(): MinutesEntry | undefined {
    return this.saved;
  }

  get current(): EntryFields {
    return this.fields;
  }

  update(change: Partial<EntryFields>): void {
    this.startedAt ??= new Date().toISOString();
    this.fields = { ...this.fields, ...change };
    if (this.state !== 'conflict') this.schedule(DEBOUNCE_MS, 'unsaved');
  }

  /** Saves now whatever is pending. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.chain = this.chain.then(() => this.save());
    return this.chain;
  }

  /** Another secretary's version arrived: adopt it when nothing of ours is pending. */
  serverChanged(entry: MinutesEntry): void {
    if (this.saved && entry.version <= this.saved.version) return;
    if (this.state === 'saved') {
      this.saved = entry;
      this.fields = fieldsOf(entry);
      this.emit('saved');
    } else {
      this.latest = entry;
    }
  }

  /** After a conflict: write ours over the newer version. */
  keepMine(): Promise<void> {
    if (this.latest) this.saved = this.latest;
    this.emit('unsaved');
    return this.flush();
  }

  /** After a conflict: drop ours, take the newer version. */
  takeTheirs(): void {
    if (this.latest) this.saved = this.latest;
    if (this.saved) this.fields = fieldsOf(this.saved);
    this.emit('saved');
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private schedule(delayMs: number, status: SaveStatus): void {
    clearTimeout(this.timer);
    this.emit(status);
    this.timer = setTimeout(() => detach(this.flush(), 'saving the entry'), delayMs);
  }

  private async save(): Promise<void> {
    if (this.state === 'saved' || this.state === 'conflict' || !this.fields.text.trim()) return;
    const sent = this.fields;
    this.emit('saving');
    try {
      const { entry } = this.saved
        ? await callApi('minutes.editEntry', { params: { id: this.saved.id }, body: { version: this.saved.version, ...sent } })
        : await callApi('minutes.addEntry', { params: { id: this.meetingId }, body: { ...sent, at: this.startedAt } });
      this.saved = entry;
      this.emit(this.fields === sent ? 'saved' : 'unsaved');
      if (this.fields !== sent) this.schedule(0, 'unsaved');
    } catch (error) {
      if (error instanceof CodedError && error.code === 'CONFLICT') this.emit('conflict');
      else this.schedule(RETRY_MS, 'failed');
    }
  }

  private emit(status: SaveStatus): void {
    this.state = status;
    this.onChange(status, this.saved);
  }
}
