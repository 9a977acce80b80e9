import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { IMPORT_LIMITS, type ImportCounts, type ImportOutcome, type ImportPreview, type Problem } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import type { Observable, Subscription } from 'rxjs';
import { httpStatus, toProblem } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { injectFocusAfterRender } from '../../../shared/focus/focus-after-render';
import { ImportRows } from '../import-rows/import-rows';
import { formatOf, InitiativeTransferApi, type UploadState } from '../initiative-transfer-api';

/** Where the page stands: nothing sent yet, a dry run or an import under way, or one of their answers. */
export type ImportPhase = 'idle' | 'checking' | 'checked' | 'applying' | 'applied';

const MEGABYTE = 1024 * 1024;

type FileRefusal = 'none' | 'wrongType' | 'empty' | 'tooLarge';

function refusalOf(file: File): FileRefusal | null {
  if (formatOf(file) === null) return 'wrongType';
  if (file.size === 0) return 'empty';
  return file.size > IMPORT_LIMITS.maxBytes ? 'tooLarge' : null;
}

/**
 * Importing initiatives from a spreadsheet in two steps: a dry run that shows, row by row, what the
 * file would create and update and what is wrong with it, and, only when the user confirms, the
 * import itself (the same file with the dry run's token). Files above the size limit are refused
 * before they are sent; uploads show how far they have come.
 */
@Component({
  selector: 'fd-import-page',
  imports: [RouterLink, TranslatePipe, ImportRows],
  templateUrl: './import-page.html',
  styleUrl: './import-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPage {
  private readonly api = inject(InitiativeTransferApi);
  private readonly i18n = inject(I18n);
  private readonly focus = injectFocusAfterRender();
  private upload: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.upload?.unsubscribe());
  }

  protected readonly limits = computed(() => ({
    size: this.megabytes(IMPORT_LIMITS.maxBytes),
    rows: this.i18n.number(IMPORT_LIMITS.maxRows),
  }));

  protected readonly downloads = computed(() => {
    const lang = this.i18n.language();
    return {
      exportXlsx: this.api.exportAllUrl('xlsx', lang),
      templateXlsx: this.api.templateUrl('xlsx', lang),
      templateCsv: this.api.templateUrl('csv', lang),
    };
  });

  protected readonly file = signal<File | null>(null);
  /** Why the chosen file (or the lack of one) is refused before anything is sent. */
  private readonly refusal = signal<FileRefusal | null>(null);
  protected readonly fileError = computed(() => {
    const refusal = this.refusal();
    if (!refusal) return '';
    const size = this.fileSize();
    return this.i18n.t(`transfer.file.${refusal}`, refusal === 'tooLarge' ? { size, max: this.limits().size } : undefined);
  });
  protected readonly dragging = signal(false);

  protected readonly phase = signal<ImportPhase>('idle');
  /** How much of the file is sent, from 0 to 1; null while the server works on it (or the browser cannot tell). */
  protected readonly sent = signal<number | null>(null);
  protected readonly preview = signal<ImportPreview | null>(null);
  protected readonly outcome = signal<ImportOutcome | null>(null);
  /** What the last request failed with, other than 409 `importChanged`; shown in the user's language. */
  private readonly error = signal<unknown>(null);
  protected readonly failure = computed(() => {
    const error = this.error();
    return error === null ? null : this.toFailure(error);
  });
  /** The import found that the file or the data changed since the dry run (409 `importChanged`). */
  protected readonly changedSinceCheck = signal(false);

  protected readonly busy = computed(() => this.phase() === 'checking' || this.phase() === 'applying');
  protected readonly percent = computed(() => {
    const sent = this.sent();
    return sent === null ? null : Math.round(sent * 100);
  });
  /** The stage, read out when it changes: sending the file, then the server checking or importing it. */
  protected readonly progressText = computed(() => {
    const sending = this.sent() !== null;
    if (this.phase() === 'checking') return this.i18n.t(sending ? 'transfer.progress.sendingCheck' : 'transfer.progress.checking');
    if (this.phase() === 'applying') return this.i18n.t(sending ? 'transfer.progress.sendingApply' : 'transfer.progress.applying');
    return '';
  });
  protected readonly percentText = computed(() => {
    const percent = this.percent();
    return percent === null ? '' : this.i18n.percent(percent / 100);
  });

  protected readonly fileSize = computed(() => {
    const file = this.file();
    return file ? this.megabytes(file.size) : '';
  });

  /** Rows the import would create or update. */
  protected readonly changeCount = computed(() => {
    const counts = this.preview()?.counts;
    return counts ? counts.create + counts.update : 0;
  });

  /** "3 ændres" (`transfer.counts`) or "3 ændret" (`transfer.done`). */
  protected countText(texts: 'transfer.counts' | 'transfer.done', counts: ImportCounts, which: keyof ImportCounts): string {
    return this.i18n.plural(`${texts}.${which}`, counts[which]);
  }

  protected readonly confirmLabel = computed(() => this.i18n.plural('transfer.confirm', this.changeCount()));

  /** A file from the file input. */
  protected choose(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.select(input.files?.[0] ?? null);
  }

  protected dragOver(event: DragEvent): void {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.dragging.set(true);
  }

  /** A file dropped on the drop zone: chosen as if picked, and checked at once, which is what dropping it means. */
  protected drop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    const files = event.dataTransfer?.files;
    const file = files?.[0] ?? null;
    if (!file || this.busy()) return;
    // The input shows the dropped file too, as if it had been picked.
    const input = (event.currentTarget as HTMLElement | null)?.querySelector<HTMLInputElement>('input[type="file"]');
    if (input && files instanceof FileList) input.files = files;
    this.select(file);
    if (!this.fileError()) this.runCheck();
  }

  /** Takes the file, or says why not; whatever the previous file showed no longer applies. */
  protected select(file: File | null): void {
    this.file.set(file);
    this.preview.set(null);
    this.outcome.set(null);
    this.error.set(null);
    this.changedSinceCheck.set(false);
    this.phase.set('idle');
    this.refusal.set(file ? refusalOf(file) : null);
  }

  /** The form's submit: the dry run. */
  protected check(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    if (!this.file()) {
      this.refusal.set('none');
      this.focus('#import-file');
      return;
    }
    if (this.fileError()) {
      this.focus('#import-file');
      return;
    }
    this.runCheck();
  }

  /** The dry run, also again after the import found that something changed. */
  protected runCheck(): void {
    const file = this.file();
    if (!file || this.busy()) return;
    this.start('checking');
    this.send(this.api.check(file), (preview) => {
      this.preview.set(preview);
      this.phase.set('checked');
      this.focus('#import-result-heading');
    });
  }

  protected apply(): void {
    const file = this.file();
    const token = this.preview()?.token;
    if (!file || !token || this.busy()) return;
    this.start('applying');
    this.send(this.api.apply(file, token), (outcome) => {
      this.outcome.set(outcome);
      this.preview.set(null);
      this.phase.set('applied');
      this.focus('#import-done-heading');
    });
  }

  private start(phase: ImportPhase): void {
    this.upload?.unsubscribe();
    this.error.set(null);
    this.changedSinceCheck.set(false);
    if (phase === 'checking') this.preview.set(null);
    this.sent.set(0);
    this.phase.set(phase);
  }

  private send<T>(request: Observable<UploadState<T>>, done: (body: T) => void): void {
    const phaseBefore = this.phase() === 'applying' ? 'checked' : 'idle';
    this.upload = request.subscribe({
      next: (state) => {
        if (state.stage === 'sending') this.sent.set(state.fraction);
        else if (state.stage === 'processing') this.sent.set(null);
        else done(state.body);
      },
      error: (error: unknown) => {
        if (this.toFailure(error).code === 'importChanged') {
          this.changedSinceCheck.set(true);
          this.preview.set(null);
          this.phase.set('idle');
          this.focus('#import-changed');
        } else {
          this.error.set(error);
          this.phase.set(phaseBefore);
          this.focus('#import-failure');
        }
      },
    });
  }

  /** The problem in the user's words, with the figures its text names (the limit, the missing columns). */
  private toFailure(error: unknown): Problem {
    const t = (key: string, params?: Readonly<Record<string, unknown>>) => this.i18n.t(key, params);
    const problem = toProblem(error, t);
    if (httpStatus(error) === 413) return { ...problem, title: t('transfer.file.tooLargeServer', { max: this.limits().size }) };
    // The limit, should the answer not name it.
    if (problem.code === 'tooManyRows' && problem.params?.['max'] === undefined)
      return { ...problem, title: t('errors.problem.tooManyRows', { max: this.limits().rows }) };
    return problem;
  }

  /** Rounded up, so that a file just above the limit does not read as the limit itself. */
  private megabytes(bytes: number): string {
    return this.i18n.t('transfer.megabytes', { size: this.i18n.number(Math.ceil((bytes / MEGABYTE) * 10) / 10, '1.0-1') });
  }
}
