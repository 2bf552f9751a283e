import type { sidebar as english } from '../en/sidebar';
import type { Translation } from '../types';

export const sidebar: Translation<typeof english> = {};
