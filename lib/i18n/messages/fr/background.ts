import type { background as english } from '../en/background';
import type { Translation } from '../types';

export const background: Translation<typeof english> = {};
