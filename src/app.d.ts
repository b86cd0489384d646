import type { Locale } from '$lib/i18n';
import type { AppServices } from '../server/services';

declare global {
	namespace App {
		interface Error {
			code?: string;
		}
		interface Locals {
			locale: Locale;
			services: AppServices;
		}
	}
}

export {};
