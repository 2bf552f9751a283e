import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { type BoardCard, type BoardFilters, hasFilters } from '@/lib/domain/board-filter';
import type { Stage } from '@/lib/domain/pipeline-stages';
import { applyPatch, diffPatch, type Patch } from '@/lib/domain/settings-patch';
import type { MessageKey } from '@/lib/i18n/message-key';
import type { Translate } from '@/lib/i18n/translator';
import type { RequestPayload } from '@/lib/messaging/protocol';
import { sendRequest } from '@/lib/messaging/request-client';
import { useTeam } from '../sidebar/use-lead';
import { useT } from '../ui/i18n';
import { useFormatter } from '../ui/use-formatter';
import { useSavedValue } from '../ui/use-saved-value';
import { BOARD_PAGE, BoardColumn } from './board-column';
import { BoardFilterBar } from './board-filters';
import { columnKeyboardCoordinates } from './column-keyboard';
import { ColumnNavigator, showColumn } from './column-navigator';
import { cardTitle } from './lead-card';
import { matchSummary } from './match-summary';
import { asksBeforeMove, MoveDialog, type PendingMove } from './move-dialog';
import type { OpenLead } from './open-lead';

/** What a screen reader hears while a card is dragged: names and stages, never internal ids. */
function announcementsIn(t: Translate<MessageKey>): Announcements {
  const leadOf = (active: { data: { current?: Record<string, unknown> } }) => {
    const card = active.data.current?.card as BoardCard | undefined;
    return card ? cardTitle(t, card) : t('dashboard.drag.theLead');
  };
  const stageOf = (id: unknown) => t(`stage.${id as Stage}`);
  return {
    onDragStart: ({ active }) => t('dashboard.drag.start', { lead: leadOf(active) }),
    onDragOver: ({ active, over }) =>
      over ? t('dashboard.drag.over', { lead: leadOf(active), stage: stageOf(over.id) }) : undefined,
    onDragEnd: ({ active, over }) =>
      over ? t('dashboard.drag.end', { lead: leadOf(active), stage: stageOf(over.id) }) : t('dashboard.drag.notMoved'),
    onDragCancel: ({ active }) => t('dashboard.drag.cancel', { lead: leadOf(active) }),
  };
}

type MoveOptions = Omit<RequestPayload<'lead.move'>, 'leadId' | 'to'>;

/** The pipeline: a column per stage; drag a card (or pick it up with Space) to move the lead. */
export function PipelineBoard({ onOpen }: { onOpen: OpenLead }) {
  const queryClient = useQueryClient();
  // The filters are kept for this browser: the board opens as the user left it.
  const stored = useSavedValue({
    queryKey: ['boardFilters'],
    load: () => sendRequest('board.getFilters', {}),
    save: (patch: Patch) => sendRequest('board.saveFilters', { patch }),
    apply: applyPatch,
  });
  const filters = useMemo((): BoardFilters => {
    if (!stored.value) return {};
    const { rev: _, ...chosen } = stored.value;
    return chosen;
  }, [stored.value]);
  const setFilters = (next: BoardFilters) => {
    const patch = diffPatch(filters, next);
    if (patch.length > 0) stored.change(patch);
  };
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search.trim());
  const query = useMemo(
    () => ({ ...filters, ...(deferredSearch ? { search: deferredSearch } : {}) }),
    [filters, deferredSearch],
  );
  const board = useQuery({
    queryKey: ['board', query],
    queryFn: () => sendRequest('board.get', { filters: query, limit: BOARD_PAGE }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
    enabled: stored.value !== undefined || stored.query.isError,
  });
  const team = useTeam();
  const format = useFormatter();
  const t = useT();
  const announcements = useMemo(() => announcementsIn(t), [t]);
  const names = useMemo(() => new Map((team.data?.members ?? []).map((m) => [m.id, m.name])), [team.data]);
  const [pending, setPending] = useState<PendingMove | null>(null);
  // A pending move set aside while its lead is open in the drawer: its dialog (and what was typed in it) waits hidden.
  const [parked, setParked] = useState(false);
  const pendingRef = useRef(pending);
  pendingRef.current = pending;
  const [status, setStatus] = useState('');
  const scroller = useRef<HTMLDivElement>(null);
  const filtered = hasFilters(query);
  const shownFor = board.isPlaceholderData ? undefined : board.data;

  // A search or filter whose matches are off-screen brings the first matching column into view, once per query.
  const scrolledFor = useRef('');
  useEffect(() => {
    const key = filtered ? JSON.stringify(query) : '';
    if (!filtered) scrolledFor.current = '';
    if (!filtered || !shownFor || scrolledFor.current === key) return;
    scrolledFor.current = key;
    const first = shownFor.columns.find((c) => c.total > 0);
    if (first) showColumn(scroller.current, first.stage, 'auto');
  }, [filtered, query, shownFor]);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  );

  const move = useMutation({
    mutationFn: (payload: RequestPayload<'lead.move'>) => sendRequest('lead.move', payload),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['board'] }),
  });

  async function tryMove(
    card: Pick<BoardCard, 'id' | 'threadId'> & { title: string },
    to: Stage,
    options: MoveOptions = {},
  ) {
    try {
      const reply = await move.mutateAsync({ leadId: card.id, to, ...options });
      if (reply.moved) {
        setPending(null);
        const moved = options.anyway ? 'dashboard.board.movedWeak' : 'dashboard.board.moved';
        setStatus(t(moved, { lead: card.title, stage: t(`stage.${to}`) }));
      } else if (reply.refusal.code === 'same_stage') {
        // Moved there meanwhile (in the drawer, say): nothing is left to do.
        setPending(null);
        setStatus(t('dashboard.board.alreadyIn', { lead: card.title, stage: t(`stage.${to}`) }));
      } else {
        const { anyway: _, ...chosen } = options;
        const { refusal, message } = reply;
        setPending({ leadId: card.id, threadId: card.threadId, title: card.title, to, refusal, message, chosen });
      }
    } catch (error) {
      setPending(null);
      const reason = error instanceof Error ? error.message : String(error);
      setStatus(t('dashboard.board.moveFailed', { lead: card.title, reason }));
    }
  }

  function onDragEnd(event: DragEndEvent) {
    const card = event.active.data.current?.card as BoardCard | undefined;
    const to = event.over?.id as Stage | undefined;
    if (!card || !to || to === card.stage) return;
    const target = { id: card.id, threadId: card.threadId, title: cardTitle(t, card) };
    if (asksBeforeMove(to)) setPending({ leadId: card.id, threadId: card.threadId, title: target.title, to });
    else void tryMove(target, to);
  }

  /**
   * "Open the lead" from a move's dialog: the move waits while the drawer is open. Closing the drawer tries it again
   * when context was missing (what was filled in there may complete the handoff), else brings its dialog back.
   */
  function openPendingLead(move: PendingMove) {
    setParked(true);
    onOpen({
      threadId: move.threadId,
      title: move.title,
      leadId: move.leadId,
      note: t('dashboard.board.moveWaiting', { stage: t(`stage.${move.to}`) }),
      onClosed: () => {
        const waiting = pendingRef.current;
        if (!waiting) return setParked(false);
        if (waiting.refusal?.code !== 'missing_context') return setParked(false);
        const target = { id: waiting.leadId, threadId: waiting.threadId, title: waiting.title };
        void tryMove(target, waiting.to, waiting.chosen).finally(() => setParked(false));
      },
    });
  }

  return (
    <div className="flex h-full flex-col gap-3">
      <BoardFilterBar
        filters={filters}
        search={search}
        members={team.data?.members ?? []}
        onFilters={setFilters}
        onSearch={setSearch}
      />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        {board.data && (
          <ColumnNavigator columns={board.data.columns} filtered={filtered} scroller={scroller} format={format} />
        )}
        <p role="status" data-testid="board-matches" className="text-sm font-medium">
          {board.data && filtered ? matchSummary(board.data.columns, format, t) : ''}
        </p>
        <p
          role="status"
          aria-live="polite"
          data-testid="board-status"
          className="min-h-5 text-sm text-zinc-700 dark:text-zinc-300"
        >
          {status}
        </p>
      </div>
      {stored.error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {t('dashboard.board.filtersNotKept', { reason: stored.error.message })}
        </p>
      )}
      {board.isPending && (
        <p className="py-10 text-center text-zinc-500 dark:text-zinc-400">{t('dashboard.board.loading')}</p>
      )}
      {board.isError && (
        <p role="alert" className="rounded bg-red-50 p-3 text-red-800 dark:bg-red-950 dark:text-red-200">
          {t('dashboard.board.loadError', { reason: board.error.message })}
        </p>
      )}
      {!filtered && board.data?.columns.every((c) => c.total === 0) && (
        <p className="rounded border border-dashed border-zinc-300 p-4 text-sm text-zinc-600 dark:border-zinc-700">
          {t('dashboard.board.empty')}
        </p>
      )}
      {board.data && (
        <DndContext
          sensors={sensors}
          onDragEnd={onDragEnd}
          accessibility={{ announcements, screenReaderInstructions: { draggable: t('dashboard.board.keyboardHint') } }}
        >
          <div
            ref={scroller}
            className="board-scroller flex min-h-0 flex-1 gap-3 overflow-x-auto pb-2"
            aria-busy={board.isFetching}
          >
            {board.data.columns.map((column) => (
              <BoardColumn
                key={column.stage}
                column={column}
                filters={query}
                filtered={filtered}
                names={names}
                format={format}
                onOpen={(card) => onOpen({ threadId: card.threadId, title: cardTitle(t, card), leadId: card.id })}
              />
            ))}
          </div>
        </DndContext>
      )}
      {pending && (
        <MoveDialog
          pending={pending}
          parked={parked}
          busy={move.isPending}
          onCancel={() => setPending(null)}
          onMove={(options) =>
            void tryMove({ id: pending.leadId, threadId: pending.threadId, title: pending.title }, pending.to, {
              ...pending.chosen,
              ...options,
            })
          }
          onOpenLead={() => openPendingLead(pending)}
        />
      )}
    </div>
  );
}
