import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

/** A section whose features are on the way: says what it will offer. */
export function ComingSection({ section }: { section: 'alerts' | 'monitoring' }) {
  const { t } = useTranslation();
  const points = t(`coming.${section}.points`, { returnObjects: true }) as unknown;
  return (
    <Box sx={{ p: 3, maxWidth: 880 }}>
      <Typography variant="h5" component="h1" gutterBottom>
        {t(`navigation.${section}`)}
      </Typography>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography gutterBottom>{t(`coming.${section}.summary`)}</Typography>
        {Array.isArray(points) && (
          <ul>
            {points.map((point) => (
              <li key={String(point)}>
                <Typography variant="body2">{String(point)}</Typography>
              </li>
            ))}
          </ul>
        )}
        <Typography variant="body2" color="text.secondary">
          {t('coming.notYet')}
        </Typography>
      </Paper>
    </Box>
  );
}
