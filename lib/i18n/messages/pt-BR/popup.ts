import type { popup as english } from '../en/popup';
import type { Translation } from '../types';

export const popup: Translation<typeof english> = {
  'popup.whose': 'Leads de quem',
  'popup.scope.mine': 'Meus',
  'popup.scope.all': 'Todos',
  'popup.scope.chooseMe': 'Mostrando: meus leads · escolha quem você é nas Configurações para vê-los',
  'popup.scope.note':
    'Mostrando: {shown, select, mine {meus leads} other {todos os leads}} · {badge, select, same {o selo conta estes} mine {o selo conta só os meus} other {o selo conta todos os leads}}',
  'popup.loadingLeads': 'Carregando leads…',
  'popup.loadError': 'Não foi possível carregar os leads: {reason}',
  'popup.allOnTime': 'Todos os leads estão em dia.',
  'popup.overdue': 'Atrasados ({count})',
  'popup.dueSoon': 'Vencem em breve ({count})',
  'popup.thread': 'Conversa {id}',
  'popup.noOwner': 'Sem responsável',
  'popup.due': 'prazo {when}',
  'popup.byStage.mine': 'Meus leads abertos por etapa',
  'popup.byStage.all': 'Leads abertos por etapa',
  'popup.noOpenLeads': 'Nenhum lead aberto.',
  'popup.link.board': 'Quadro do pipeline',
  'popup.link.review': 'Revisão semanal',
  'popup.link.settings': 'Configurações',
  'popup.sync.signedOut': 'Sincronização parada: este navegador foi removido da equipe. Veja as Configurações.',
  'popup.sync.unreachable': 'Sincronização: não foi possível acessar o servidor, suas alterações estão guardadas',
  'popup.sync.team': 'Sincronização: {team} · {when}',
  'popup.sync.updatedAgo': 'atualizado há {duration}',
  'popup.sync.notYet': 'ainda não sincronizado',
  'popup.sync.waiting': '{count, plural, one {# alteração aguardando envio} other {# alterações aguardando envio}}',
};
