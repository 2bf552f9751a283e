import type { DmHandoffDatabase } from '../storage/database';
import { type TeamSettingsAccess, teamSettingsFacts } from '../storage/sync/team-settings-access';
import { translatorIn } from './language';
import { replyLanguage } from './words';

/**
 * Who may change the team's shared settings here, and why not in the user's language: "Glow Coaching shares these
 * settings: only its coach can change them. Ask Cora or Ben."
 */
export async function teamSettingsAccess(db: DmHandoffDatabase): Promise<TeamSettingsAccess> {
  const [facts, language] = await Promise.all([teamSettingsFacts(db), replyLanguage(db)]);
  if (facts.editable) return { editable: true, reason: null };
  const t = translatorIn(language);
  const reason =
    facts.coaches.length > 0
      ? t('background.teamSettings.askCoaches', {
          team: facts.team,
          coaches: new Intl.ListFormat(language, { type: 'disjunction' }).format(facts.coaches),
        })
      : t('background.teamSettings.askTheCoach', { team: facts.team });
  return { editable: false, reason };
}
