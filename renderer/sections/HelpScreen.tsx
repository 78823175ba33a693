import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

const shortcuts = [
  ['Tab', 'help.keys.tab'],
  ['↑ ↓', 'help.keys.arrows'],
  ['Page Up / Page Down', 'help.keys.pages'],
  ['Home / End', 'help.keys.homeEnd'],
  ['Enter', 'help.keys.enter'],
  ['Esc', 'help.keys.escape'],
] as const;

export function HelpScreen() {
  const { t } = useTranslation();
  return (
    <Box sx={{ p: 3, maxWidth: 880, overflow: 'auto' }}>
      <Typography variant="h5" component="h1" gutterBottom>
        {t('navigation.help')}
      </Typography>
      <Paper variant="outlined" sx={{ p: 3, mb: 2 }}>
        <Typography variant="h6" component="h2" gutterBottom>
          {t('help.about.title')}
        </Typography>
        <Typography gutterBottom>{t('help.about.body')}</Typography>
        <Typography>{t('help.offline')}</Typography>
      </Paper>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography variant="h6" component="h2" gutterBottom>
          {t('help.keys.title')}
        </Typography>
        <Table size="small" aria-label={t('help.keys.title')}>
          <TableBody>
            {shortcuts.map(([keys, description]) => (
              <TableRow key={keys}>
                <TableCell component="th" scope="row" sx={{ width: 220 }}>
                  <kbd>{keys}</kbd>
                </TableCell>
                <TableCell>{t(description)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
    </Box>
  );
}
