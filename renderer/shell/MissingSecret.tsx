import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';

/** Shown when the page was opened without the address the web host printed. */
export function MissingSecret() {
  const { t } = useTranslation();
  return (
    <Box component="main" sx={{ p: 4, maxWidth: 720 }}>
      <Alert severity="warning">
        <AlertTitle>{t('missingSecret.title')}</AlertTitle>
        {t('missingSecret.body')}
      </Alert>
    </Box>
  );
}
