import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { JobStatus } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { toProblem } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { LocalDatePipe } from '../../../core/i18n/i18n-pipes';
import { LoadFailed } from '../../../shared/load-failed/load-failed';
import { OutboxApi } from '../outbox-api';

/** Jobs the page knows in words; any other shows its name. */
const KNOWN_JOBS: Record<string, string> = { 'outbox.send': 'outbox.jobs.sendMail' };
const SCHEDULES: Record<string, string> = { '* * * * *': 'outbox.jobs.everyMinute' };
/** A queued run usually starts within a couple of seconds: the panel looks again after this. */
const RELOAD_AFTER_RUN_MS = 3_000;

/** Each job with its schedule, last and next run, and failures; admins can run one at once. */
@Component({
  selector: 'fd-jobs-panel',
  imports: [LoadFailed, LocalDatePipe, TranslatePipe],
  templateUrl: './jobs-panel.html',
  styleUrl: './jobs-panel.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobsPanel {
  private readonly api = inject(OutboxApi);
  private readonly i18n = inject(I18n);
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;

  protected readonly jobs = rxResource({ stream: () => this.api.jobs() });
  protected readonly list = computed<JobStatus[]>(() => (this.jobs.hasValue() ? this.jobs.value() : []));
  protected readonly enabled = computed(() => this.list().every((job) => job.enabled));
  protected readonly problem = computed(() => {
    const error = this.jobs.error();
    return error ? toProblem(error, (key, params) => this.i18n.t(key, params)) : null;
  });
  /** The job being started, and what happened, read out to screen readers. */
  protected readonly running = signal<string | null>(null);
  protected readonly message = signal('');
  protected readonly failed = signal(false);

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.reloadTimer));
  }

  protected label(name: string): string {
    const key = KNOWN_JOBS[name];
    return key ? this.i18n.t(key) : name;
  }

  protected schedule(job: JobStatus): string {
    if (!job.schedule) return this.i18n.t('outbox.jobs.onDemand');
    const key = SCHEDULES[job.schedule];
    if (key) return this.i18n.t(key);
    // "0 7 * * *" and "0 7 * * 1": daily or weekly at a time, in words; anything else as the cron expression itself.
    const [minute, hour, dayOfMonth, month, weekday] = job.schedule.split(' ');
    if (!/^\d{1,2}$/.test(minute ?? '') || !/^\d{1,2}$/.test(hour ?? '') || dayOfMonth !== '*' || month !== '*') return job.schedule;
    const time = `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
    if (weekday === '*') return this.i18n.t('outbox.jobs.daily', { time });
    if (/^[0-7]$/.test(weekday ?? '')) return this.i18n.t('outbox.jobs.weekly', { time, day: this.i18n.t(`outbox.jobs.weekdays.d${Number(weekday) % 7}`) });
    return job.schedule;
  }

  protected async runNow(job: JobStatus): Promise<void> {
    this.running.set(job.name);
    this.message.set('');
    this.failed.set(false);
    try {
      await firstValueFrom(this.api.runJob(job.name));
      this.message.set(this.i18n.t(job.enabled ? 'outbox.jobs.queued' : 'outbox.jobs.ran', { job: this.label(job.name) }));
      this.jobs.reload();
      clearTimeout(this.reloadTimer);
      if (job.enabled) this.reloadTimer = setTimeout(() => this.jobs.reload(), RELOAD_AFTER_RUN_MS);
    } catch (error) {
      this.failed.set(true);
      this.message.set(toProblem(error, (key, params) => this.i18n.t(key, params)).title);
    } finally {
      this.running.set(null);
    }
  }
}
