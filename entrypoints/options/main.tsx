import { OptionsPage } from '@/components/options/options-page';
import { mountPage } from '@/components/ui/page-root';

mountPage(<OptionsPage />);
