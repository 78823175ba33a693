import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useCallResult } from '../host/use-call-result';
import { LanguageMenu } from '../shell/LanguageMenu';

export function SettingsScreen() {
  const { t } = useTranslation();
  const info = useCallResult('workspace.info', {});
  return (
    <Box sx={{ p: 3, maxWidth: 880 }}>
      <Typography variant="h5" component="h1" gutterBottom>
        {t('navigation.settings')}
      </Typography>
      <Paper variant="outlined" sx={{ p: 3, mb: 2 }}>
        <Typography variant="h6" component="h2" gutterBottom>
          {t('settings.language.title')}
        </Typography>
        <Typography variant="body2" gutterBottom>
          {t('settings.language.body')}
        </Typography>
        <Box sx={{ color: 'primary.main' }}>
          <LanguageMenu />
        </Box>
      </Paper>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography variant="h6" component="h2" gutterBottom>
          {t('settings.workspace.title')}
        </Typography>
        {info && (
          <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: '200px 1fr', rowGap: 1, m: 0 }}>
            <Typography component="dt" color="text.secondary">{t('settings.workspace.kind')}</Typography>
            <Typography component="dd" sx={{ m: 0 }}>{t(`settings.workspace.${info.workspace}`)}</Typography>
            <Typography component="dt" color="text.secondary">{t('settings.workspace.server')}</Typography>
            <Typography component="dd" sx={{ m: 0, wordBreak: 'break-all' }}>{info.centralUrl}</Typography>
            <Typography component="dt" color="text.secondary">{t('settings.workspace.dataFolder')}</Typography>
            <Typography component="dd" sx={{ m: 0, wordBreak: 'break-all' }}>{info.dataFolder}</Typography>
            <Typography component="dt" color="text.secondary">{t('settings.workspace.version')}</Typography>
            <Typography component="dd" sx={{ m: 0 }}>{info.version}</Typography>
          </Box>
        )}
      </Paper>
    </Box>
  );
}
