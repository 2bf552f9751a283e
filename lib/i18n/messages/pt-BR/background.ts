import type { background as english } from '../en/background';
import type { Translation } from '../types';

export const background: Translation<typeof english> = {
  'background.alert.breach': 'Atrasado: {who}',
  'background.alert.reminder': 'Ainda atrasado: {who}',
  'background.alert.warning': 'Vence em breve: {who}',
  'background.alert.someLead': 'Um lead',
  'background.alert.noOwner': 'sem responsável',
  'background.alert.openThread': 'Abrir conversa',
  'background.alert.snooze': 'Adiar',
  'background.escalation.title': 'Escalonamento: {who}',
  'background.escalation.message': '“{words}” · só resposta humana · {owner}',
  'background.escalation.messageNoWords': 'só resposta humana · {owner}',

  'background.badge.overdue': 'DM Handoff: {count, plural, one {# lead atrasado} other {# leads atrasados}}',
  'background.badge.warning':
    'DM Handoff: {count, plural, one {# lead vence em breve} other {# leads vencem em breve}}',
  'background.badge.clear': 'DM Handoff: todos os leads estão em dia',

  'background.menu.openBoard': 'Abrir o quadro do pipeline',
  'background.menu.openReview': 'Abrir a revisão semanal',

  'background.error.malformed': 'Mensagem malformada: {details}',
  'background.error.unknownRequest': 'Pedido desconhecido "{name}"',
  'background.error.invalidRequest': 'Pedido "{name}" inválido: {details}',
  'background.error.newerDatabase':
    'Seus dados do DM Handoff foram salvos por uma versão mais nova da extensão. Atualize o DM Handoff (chrome://extensions, Atualizar) para abri-los; nada foi alterado.',
  'background.error.storageFull':
    'O armazenamento do navegador está cheio: nada foi salvo. Libere espaço em disco e tente de novo.',
  'background.error.internal': 'Algo deu errado ao processar "{name}": {details}',
  'background.error.leadGone': 'Este lead não existe mais. Talvez tenha sido excluído em outro dispositivo.',
  'background.error.leadNotTracked': 'Este lead não é mais acompanhado.',
  'background.error.notesFull': 'As notas deste lead estão cheias: encurte-as e depois adicione a observação.',
  'background.error.restoreMissing': 'Essa alteração não está no histórico deste lead ou não tinha texto anterior.',
  'background.error.restoreNoLongerFits': 'Esse valor anterior não cabe mais neste campo.',
  'background.error.memberGone': 'Esse membro da equipe não existe mais.',
  'background.error.syncUnavailable': 'A sincronização da equipe não está disponível aqui.',
  'background.error.coachOnly': 'Só o coach pode alterar estas configurações.',
  'background.teamSettings.askCoaches':
    '{team} compartilha estas configurações: só o coach pode alterá-las. Fale com {coaches}.',
  'background.teamSettings.askTheCoach':
    '{team} compartilha estas configurações: só o coach pode alterá-las. Fale com o coach.',
  'background.booking.noLink':
    'Sua equipe ainda não tem link de agendamento: um coach o adiciona em Opções → Conectar uma agenda.',

  'background.policy.noWeeklyHours': 'A agenda de cobertura não tem horário de atendimento na semana.',
  'background.policy.neverOpens': 'A agenda de cobertura não tem horário de atendimento nos próximos {days} dias.',
  'background.policy.windowTooLong':
    '{subject}: a agenda de cobertura não comporta {minutes, plural, one {# minuto útil} other {# minutos úteis}} em {days} dias.',
  'background.policy.windowTooLongHours':
    '{subject}: a agenda de cobertura não comporta {hours, plural, one {# hora útil} other {# horas úteis}} em {days} dias.',

  'background.sync.notInTeam': 'Este navegador ainda não está em uma equipe',
  'background.sync.alreadyInTeam':
    'Este navegador já está em uma equipe: saia dela primeiro (as alterações ainda não enviadas seriam perdidas).',
  'background.sync.notAnAddress': '"{input}" não é um endereço da web. Digite algo como https://sync.example.com',
  'background.sync.httpsOnly': 'O endereço do servidor deve começar com https:// (ou http:// para um servidor local)',
  'background.sync.timedOut': 'O servidor da equipe não respondeu em {seconds} s',
  'background.sync.unreachable':
    'Não foi possível acessar o servidor da equipe (sem conexão, ou o servidor está fora do ar)',
  'background.sync.answered': 'O servidor da equipe respondeu {status}',
  'background.sync.garbage': 'O servidor da equipe enviou uma resposta que o DM Handoff não entende',
  'background.sync.memberMatched': 'Esse membro já foi associado, ou o membro da equipe não existe mais.',
  'background.sync.setAside':
    'O servidor da equipe falha sempre nesta alteração ({details}); ela foi deixada de lado para o resto sincronizar',
  'background.sync.failed': 'A sincronização falhou: {details}',

  'background.backup.tooLarge': 'Este arquivo é grande demais para ser um backup do DM Handoff.',
  'background.backup.unreadable': 'Não foi possível ler o arquivo.',
  'background.backup.notReceived': 'O arquivo não chegou à extensão. Escolha-o de novo.',
  'background.backup.chooseFirst': 'Escolha um arquivo de backup primeiro.',
  'background.backup.checking': 'Verificando cada lead e evento…',
  'background.backup.importing': 'Importando…',
  'background.backup.teamSettingsKept':
    'A política de SLA, o horário de cobertura e as listas deste arquivo não são importados: {reason}',
  'background.workspace.unclaimed': 'Pipeline deste navegador',
  'background.workspace.gone': 'O pipeline dessa conta não está mais neste navegador.',
  'background.workspace.notUsername': '“{name}” não é um nome de usuário do Instagram.',
};
