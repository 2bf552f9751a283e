import { useQuery, useQueryClient } from '@tanstack/react-query';
import { sendRequest } from '@/lib/messaging/request-client';
import type { TeamSettingsAccess } from '@/lib/storage/sync/team-settings-access';
import { versionedQuery } from '../ui/versioned-query';

const EDITABLE: TeamSettingsAccess = { editable: true, reason: null };

/** Whether this browser may change the team's shared settings (everyone alone; only the coach in a synced team). */
export function useTeamSettingsAccess(): TeamSettingsAccess {
  const queryClient = useQueryClient();
  const team = useQuery(versionedQuery(queryClient, ['team'], () => sendRequest('team.get', {})));
  return team.data?.teamSettings ?? EDITABLE;
}
