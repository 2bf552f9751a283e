import { AttentionPopup } from '@/components/popup/attention-popup';
import { mountPage } from '@/components/ui/page-root';

mountPage(<AttentionPopup />);
