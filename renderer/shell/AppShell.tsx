import type { ReactNode } from 'react';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Drawer from '@mui/material/Drawer';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useCallResult } from '../host/use-call-result';
import type { Section } from '../sections';
import { LanguageMenu } from './LanguageMenu';
import { Navigation } from './Navigation';
import { PassphraseScreen } from './PassphraseScreen';
import { ReplicaProblemNotice } from './ReplicaProblemNotice';
import { SyncStatusIndicator } from './SyncStatusIndicator';

const navigationWidth = 232;

export function AppShell({ section, onSectionChange, children }: { section: Section; onSectionChange: (section: Section) => void; children: ReactNode }) {
  const { t } = useTranslation();
  const info = useCallResult('workspace.info', {});
  return (
    <Box sx={{ display: 'flex', height: '100vh' }}>
      <AppBar position="fixed" elevation={0} sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component="span" sx={{ fontWeight: 700 }}>
            {t('app.name')}
          </Typography>
          {info?.workspace === 'training' && (
            <Chip size="small" label={t('app.trainingWorkspace')} sx={{ bgcolor: '#ffcc00', color: '#1a1a1a', fontWeight: 600 }} />
          )}
          <Box sx={{ flexGrow: 1 }} />
          <SyncStatusIndicator />
          <LanguageMenu />
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{ width: navigationWidth, flexShrink: 0, '& .MuiDrawer-paper': { width: navigationWidth, boxSizing: 'border-box' } }}
      >
        <Toolbar />
        <Navigation section={section} onSectionChange={onSectionChange} />
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, display: 'flex', flexDirection: 'column', minWidth: 0 }}>
        <Toolbar />
        <Box sx={{ flexGrow: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
          {info?.replicaProblem ? (
            <ReplicaProblemNotice problem={info.replicaProblem} />
          ) : info && info.lock !== 'open' ? (
            <PassphraseScreen mode={info.lock} />
          ) : (
            children
          )}
        </Box>
      </Box>
    </Box>
  );
}
