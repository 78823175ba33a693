import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '../../shared/cases/case-workflow';

const colors: Record<CaseState, 'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'info' | 'error'> = {
  draft: 'default',
  sent: 'info',
  forwarded: 'info',
  accepted: 'primary',
  'info-requested': 'warning',
  answered: 'success',
  referred: 'error',
  closed: 'default',
};

export function StateChip({ state }: { state: CaseState }) {
  const { t } = useTranslation();
  return <Chip size="small" color={colors[state]} variant={state === 'closed' ? 'outlined' : 'filled'} label={t(`requests.state.${state}`)} data-testid="request-state" />;
}
