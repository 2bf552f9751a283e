import { describe, expect, it } from 'vitest';
import { instagramHandleOf } from '../../../lib/domain/calendar/instagram-handle';
import { trackedBookingLink } from '../../../lib/domain/calendar/tracked-booking-link';

describe('trackedBookingLink', () => {
  it('puts the lead reference in utm_content for Calendly, keeping the link’s own parameters', () => {
    expect(trackedBookingLink('https://calendly.com/cora/intro?hide_gdpr_banner=1', 't_42')).toBe(
      'https://calendly.com/cora/intro?hide_gdpr_banner=1&utm_content=t_42',
    );
  });

  it('puts it in metadata[dmh] for Cal.com, and in both on a host that could embed either', () => {
    expect(trackedBookingLink('https://cal.com/cora/30min', 't_42')).toBe(
      'https://cal.com/cora/30min?metadata[dmh]=t_42',
    );
    expect(trackedBookingLink('https://cora.coach/book', 't_42')).toBe(
      'https://cora.coach/book?utm_content=t_42&metadata[dmh]=t_42',
    );
  });

  it('replaces a reference already there, and refuses what is not a web address', () => {
    expect(trackedBookingLink('https://calendly.com/cora/intro?utm_content=old', 't_7')).toBe(
      'https://calendly.com/cora/intro?utm_content=t_7',
    );
    expect(trackedBookingLink('calendly', 't_7')).toBeNull();
    expect(trackedBookingLink('javascript:alert(1)', 't_7')).toBeNull();
  });
});

describe('instagramHandleOf', () => {
  it('reads a handle however it was typed', () => {
    expect(instagramHandleOf(' @Jess.FitLife ')).toBe('jess.fitlife');
    expect(instagramHandleOf('https://www.instagram.com/jess.fitlife/?hl=en')).toBe('jess.fitlife');
    expect(instagramHandleOf('instagram.com/jess_fit')).toBe('jess_fit');
  });

  it('refuses anything that is not exactly one handle: never a guess', () => {
    for (const answer of ['Jess Fit', '@jess and @anna', '', 'jess..fit', 'x'.repeat(31), 'my ig is jess'])
      expect(instagramHandleOf(answer)).toBeUndefined();
  });
});
