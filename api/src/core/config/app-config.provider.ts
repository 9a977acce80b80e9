import type { AppConfig } from './app-config';

export const APP_CONFIG = Symbol('APP_CONFIG');
export type { AppConfig };
