// Words every surface uses: units of time, deadlines, save states.
export const common = {
  'unit.second': '{n} s',
  'unit.minute': '{n} min',
  'unit.hour': '{n} h',
  'unit.day': '{n} d',
  /** The slim rail's largest unit only. */
  'unit.narrow.minute': '{n}m',
  'unit.narrow.hour': '{n}h',
  'unit.narrow.day': '{n}d',
  /** A chart axis's unit, after a number. */
  'unit.axis.minutes': 'min',
  'unit.axis.hours': 'h',
  'unit.axis.days': 'd',
  'time.left': '{duration} left',
  'time.overdue': '{duration} overdue',
  'common.loading': 'Loading…',
  'common.save': 'Save',
  'common.saving': 'Saving…',
  'common.saved': 'Saved',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.notSaved': 'Not saved: {reason}',
  'common.autosave.requiredHint': 'Required before this stage hands over',
  'common.autosave.needed': 'needed',
  'common.autosave.notSaved': 'Not saved: {reason}. Your text is kept here; try again.',
} as const;
