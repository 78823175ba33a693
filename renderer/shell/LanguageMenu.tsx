import { useState } from 'react';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import ListItemText from '@mui/material/ListItemText';
import Translate from '@mui/icons-material/Translate';
import { useTranslation } from 'react-i18next';
import { uiLanguages, type UiLanguage } from '../../shared/languages';
import { useHost } from '../host/host-context';
import { languageName, ownLanguageName } from '../i18n/display-names';
import { switchLanguage } from '../i18n/i18n';
import { useLanguage } from '../i18n/use-language';

export function LanguageMenu() {
  const { t } = useTranslation();
  const host = useHost();
  const language = useLanguage();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const sorted = [...uiLanguages].sort((a, b) => ownLanguageName(a).localeCompare(ownLanguageName(b), 'en'));

  async function choose(next: UiLanguage) {
    setAnchor(null);
    await switchLanguage(next);
    await host.call('settings.update', { language: next }).catch(() => {});
  }

  return (
    <>
      <Button
        color="inherit"
        startIcon={<Translate />}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        aria-label={`${ownLanguageName(language)}: ${t('language.choose')}`}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        {ownLanguageName(language)}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} slotProps={{ paper: { sx: { maxHeight: 480 } } }}>
        {sorted.map((code) => (
          <MenuItem key={code} selected={code === language} onClick={() => void choose(code)} lang={code === 'no' ? 'nb' : code}>
            <ListItemText primary={ownLanguageName(code)} secondary={code === language ? undefined : languageName(code, language)} />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
