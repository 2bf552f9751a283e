import { DashboardPage } from '@/components/dashboard/dashboard-page';
import { mountPage } from '@/components/ui/page-root';

mountPage(<DashboardPage />);
