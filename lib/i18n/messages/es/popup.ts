import type { popup as english } from '../en/popup';
import type { Translation } from '../types';

export const popup: Translation<typeof english> = {};
