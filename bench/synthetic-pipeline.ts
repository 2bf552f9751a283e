// A realistic pipeline for benchmarks. Self-contained (no imports, no outer variables) so Playwright can run it
// inside an extension page as well as in Node.

export interface SyntheticPipeline {
  leads: Record<string, unknown>[];
  history: Record<string, unknown>[];
}

/**
 * `count` leads spread over the stages like a working pipeline (most closed, a tenth active this week), with
 * the history of the active ones inside the week that starts at `weekStart`.
 */
export function syntheticPipeline(count: number, now: number, weekStart: number): SyntheticPipeline {
  const HOUR = 3600_000;
  const stages = ['new_dm', 'engaged', 'qualified', 'link_sent', 'booked', 'call_completed', 'won', 'lost', 'nurture'];
  const weights = [4, 5, 3, 2, 2, 1, 8, 60, 15];
  const sources = ['story_reply', 'comment_to_dm', 'dm_ad', 'keyword_automation', 'referral', 'outbound'];
  const owners = ['m-sam', 'm-cleo', 'm-ai', null];
  const total = weights.reduce((a, b) => a + b, 0);
  const leads: Record<string, unknown>[] = [];
  const history: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    let pick = (i * 7919) % total;
    let s = 0;
    while (pick >= (weights[s] as number)) pick -= weights[s++] as number;
    const stage = stages[s] as string;
    const active = i % 10 === 0;
    const createdAt = active ? weekStart + (i % 150) * HOUR : now - (30 + (i % 300)) * 24 * HOUR;
    const stageEnteredAt = createdAt + ((i % 48) + 1) * HOUR;
    const late = s < 5 && i % 7 === 0;
    leads.push({
      id: `lead-${i}`,
      threadId: `${100000 + i}`,
      username: `lead_${i}`,
      displayName: `Lead ${i}`,
      stage,
      stageEnteredAt,
      lanes: i % 97 === 0 ? ['needs_review'] : [],
      laneSince: {},
      laneContext: {},
      ownerId: owners[i % owners.length],
      source: sources[i % sources.length],
      fields: i % 3 === 0 ? { goal: 'Get strong', problem: 'No plan', fit: 'Good' } : {},
      nextAction: i % 4 === 0 ? { text: 'Follow up', dueAt: now + HOUR, setAt: createdAt } : null,
      notes: i % 5 === 0 ? 'Met at the webinar; cares about results more than price.' : '',
      ...(stage === 'lost' ? { lostReason: ['Not a fit', 'Price mismatch', 'Timing later'][i % 3] } : {}),
      warnAt: late ? now - 2 * HOUR : s < 5 ? now + HOUR : null,
      dueAt: late ? now - HOUR : s < 5 ? now + 2 * HOUR : null,
      createdAt,
      updatedAt: stageEnteredAt,
    });
    if (!active) continue;
    const actor = { memberId: owners[i % 3], role: i % 3 === 2 ? 'automation' : 'setter' };
    const event = (n: number, at: number, body: Record<string, unknown>) =>
      history.push({ id: `ev-${i}-${n}`, leadId: `lead-${i}`, at, actor, ...body });
    event(0, createdAt, { type: 'lead_created' });
    event(1, createdAt, { type: 'reply_seen', direction: 'inbound', messageAt: createdAt });
    event(2, createdAt + (i % 90) * 60_000, {
      type: 'reply_seen',
      direction: 'outbound',
      messageAt: createdAt + (i % 90) * 60_000,
    });
    if (s > 0)
      event(3, stageEnteredAt, {
        type: 'stage_moved',
        from: 'new_dm',
        to: stage,
        missing: [],
        weak: i % 4 === 0,
        ...(stage === 'lost' ? { reason: 'Price mismatch' } : {}),
      });
    if (i % 7 === 0)
      event(4, createdAt + 2 * HOUR, {
        type: 'sla_breached',
        clock: 'reply',
        clockKey: `reply:${createdAt}`,
        dueAt: createdAt + HOUR,
      });
    if (stage === 'call_completed')
      event(5, stageEnteredAt, {
        type: 'field_changed',
        field: 'showed',
        from: null,
        to: i % 2 ? 'showed' : 'no_show',
      });
  }
  return { leads, history };
}
