// The two lines that identify an authority in a list: its country and official name, then
// its designation, town and region (in the reader's language).
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { AuthoritySummary } from '../../shared/directory/authority';
import { countryName } from '../i18n/display-names';
import { useLanguage } from '../i18n/use-language';

export function AuthoritySummaryLines({ authority }: { authority: AuthoritySummary }) {
  const language = useLanguage();
  return (
    <>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Chip size="small" label={authority.country} title={countryName(authority.country, language)} sx={{ fontWeight: 600, minWidth: 40 }} />
        <Typography noWrap sx={{ fontWeight: 600 }}>
          {authority.officialName}
        </Typography>
      </Box>
      <Typography variant="body2" color="text.secondary" noWrap sx={{ mt: 0.5 }}>
        {authority.designation} · {authority.city} · {authority.regionName}
      </Typography>
    </>
  );
}
