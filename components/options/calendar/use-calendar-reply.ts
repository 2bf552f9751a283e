import { useQueryClient } from '@tanstack/react-query';
import type { CalendarView } from '@/lib/messaging/responses';

export const CALENDAR_KEY = ['calendar.get'];

/** Keeps a reply of the background as the connection the page shows. */
export function useCalendarReply() {
  const queryClient = useQueryClient();
  return (view: CalendarView) => queryClient.setQueryData(CALENDAR_KEY, view);
}
