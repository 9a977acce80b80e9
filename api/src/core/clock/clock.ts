import { Inject, Injectable } from '@nestjs/common';
import { todayIn } from '@fremdrift/progress';
import { APP_CONFIG, type AppConfig } from '../config/app-config.provider';

/** The municipality's calendar: "today" is the date in its time zone, not the server's. */
@Injectable()
export class Clock {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  now(): Date {
    return new Date();
  }

  today(): string {
    return todayIn(this.config.timeZone, this.now());
  }
}
