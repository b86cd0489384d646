import type { Locale } from '$lib/i18n';
import type { AppServices } from '../server/services';
import type { AccountInfo } from '$lib/protocol';

declare global {
	namespace App {
		interface Error {
			code?: string;
		}
		interface Locals {
			locale: Locale;
			services: AppServices;
			/** The signed-in facilitator, if any. */
			account?: AccountInfo;
		}
	}
}

export {};
