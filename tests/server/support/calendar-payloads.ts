// Webhook bodies shaped like the examples in Calendly's and Cal.com's developer documentation, with the parts a
// test changes as parameters.

const CALENDLY_API = 'https://api.calendly.com';
const iso = (ms: number) => new Date(ms).toISOString();

export interface CalendlyInvitee {
  invitee: string;
  startTime: number;
  createdAt: number;
  utmContent?: string | null;
  instagramAnswer?: string;
  name?: string;
  rescheduled?: boolean;
  oldInvitee?: string | null;
  newInvitee?: string | null;
  cancelReason?: string;
  noShow?: { uri: string; createdAt: number } | null;
}

export const calendlyInviteeUri = (id: string) => `${CALENDLY_API}/scheduled_events/EV${id}/invitees/INV${id}`;

/** The invitee resource Calendly sends with invitee.* and invitee_no_show.* events. */
export function calendlyInvitee(i: CalendlyInvitee) {
  const scheduledEvent = i.invitee.replace(/\/invitees\/.*$/, '');
  return {
    cancel_url: 'https://calendly.com/cancellations/AAAAAAAAAAAAAAAA',
    created_at: iso(i.createdAt),
    email: 'jess@example.com',
    event: scheduledEvent,
    first_name: null,
    last_name: null,
    name: i.name ?? 'Jess Fit',
    new_invitee: i.newInvitee ?? null,
    old_invitee: i.oldInvitee ?? null,
    questions_and_answers: i.instagramAnswer
      ? [{ answer: i.instagramAnswer, position: 0, question: 'What is your Instagram handle?' }]
      : [],
    reschedule_url: 'https://calendly.com/reschedulings/AAAAAAAAAAAAAAAA',
    rescheduled: i.rescheduled ?? false,
    status: i.cancelReason !== undefined || i.rescheduled ? 'canceled' : 'active',
    text_reminder_number: null,
    timezone: 'Europe/London',
    tracking: {
      utm_campaign: null,
      utm_source: null,
      utm_medium: null,
      utm_content: i.utmContent ?? null,
      utm_term: null,
      salesforce_uuid: null,
    },
    updated_at: iso(i.createdAt),
    uri: i.invitee,
    cancellation:
      i.cancelReason !== undefined
        ? { canceled_by: 'Jess Fit', reason: i.cancelReason, canceler_type: 'invitee', created_at: iso(i.createdAt) }
        : undefined,
    routing_form_submission: null,
    payment: null,
    no_show: i.noShow ? { uri: i.noShow.uri, created_at: iso(i.noShow.createdAt) } : null,
    reconfirmation: null,
    scheduling_method: null,
    invitee_scheduled_by: null,
    scheduled_event: {
      uri: scheduledEvent,
      name: 'Discovery call',
      meeting_notes_plain: 'Internal meeting notes',
      status: 'active',
      start_time: iso(i.startTime),
      end_time: iso(i.startTime + 30 * 60_000),
      event_type: `${CALENDLY_API}/event_types/GBGBDCAADAEDCRZ2`,
      location: { type: 'google_conference', status: 'pushed', join_url: 'https://meet.google.com/abc-defg-hij' },
      invitees_counter: { total: 1, active: 1, limit: 1 },
      created_at: iso(i.createdAt),
      updated_at: iso(i.createdAt),
      event_memberships: [
        { user: `${CALENDLY_API}/users/GBGBDCAADAEDCRZ2`, user_email: 'cora@example.com', user_name: 'Cora' },
      ],
      event_guests: [],
    },
  };
}

export function calendlyWebhook(event: string, createdAt: number, payload: unknown) {
  return { created_at: iso(createdAt), created_by: `${CALENDLY_API}/users/AAAAAAAAAAAAAAAA`, event, payload };
}

export interface CalcomBooking {
  uid: string;
  startTime: number;
  dmh?: string;
  instagram?: string;
  rescheduleUid?: string;
  cancellationReason?: string;
}

/** A booking payload as Cal.com sends with BOOKING_CREATED, BOOKING_RESCHEDULED and BOOKING_CANCELLED. */
export function calcomBooking(b: CalcomBooking) {
  return {
    type: '30min',
    title: '30 min between Cora and Jess Fit',
    description: '',
    additionalNotes: '',
    customInputs: {},
    startTime: iso(b.startTime),
    endTime: iso(b.startTime + 30 * 60_000),
    organizer: {
      id: 5,
      name: 'Cora',
      email: 'cora@example.com',
      username: 'cora',
      timeZone: 'Europe/London',
      language: { locale: 'en' },
      timeFormat: 'h:mma',
    },
    responses: {
      name: { label: 'your_name', value: 'Jess Fit' },
      email: { label: 'email_address', value: 'jess@example.com' },
      ...(b.instagram ? { instagram: { label: 'Instagram handle', value: b.instagram } } : {}),
    },
    userFieldsResponses: {},
    attendees: [{ email: 'jess@example.com', name: 'Jess Fit', timeZone: 'Europe/London', language: { locale: 'en' } }],
    location: 'integrations:daily',
    destinationCalendar: null,
    hideCalendarNotes: false,
    requiresConfirmation: null,
    eventTypeId: 7,
    seatsShowAttendees: true,
    seatsPerTimeSlot: null,
    uid: b.uid,
    ...(b.rescheduleUid ? { rescheduleUid: b.rescheduleUid } : {}),
    ...(b.cancellationReason ? { cancellationReason: b.cancellationReason } : {}),
    appsStatus: [],
    eventTitle: '30 min',
    eventDescription: '',
    price: 0,
    currency: 'usd',
    length: 30,
    bookingId: 91,
    metadata: { videoCallUrl: `https://app.cal.com/video/${b.uid}`, ...(b.dmh ? { dmh: b.dmh } : {}) },
    status: b.cancellationReason ? 'CANCELLED' : 'ACCEPTED',
  };
}

export function calcomWebhook(triggerEvent: string, createdAt: number, payload: unknown) {
  return { triggerEvent, createdAt: iso(createdAt), payload };
}

/** BOOKING_NO_SHOW_UPDATED: only the booking's uid and its attendees. */
export const calcomNoShow = (bookingUid: string, noShow: boolean) => ({
  message: noShow ? 'jess@example.com marked as no-show' : 'jess@example.com marked as attended',
  bookingUid,
  bookingId: 91,
  attendees: [{ email: 'jess@example.com', noShow }],
});
