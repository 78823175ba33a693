import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import AccountBalanceOutlined from '@mui/icons-material/AccountBalanceOutlined';
import ForumOutlined from '@mui/icons-material/ForumOutlined';
import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import InsightsOutlined from '@mui/icons-material/InsightsOutlined';
import HelpOutline from '@mui/icons-material/HelpOutlineOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import { useTranslation } from 'react-i18next';
import { sections, type Section } from '../sections';

const icons: Record<Section, typeof HelpOutline> = {
  directory: AccountBalanceOutlined,
  requests: ForumOutlined,
  alerts: CampaignOutlined,
  monitoring: InsightsOutlined,
  help: HelpOutline,
  settings: SettingsOutlined,
};

export function Navigation({ section, onSectionChange }: { section: Section; onSectionChange: (section: Section) => void }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('navigation.label')}>
      <List>
        {sections.map((item) => {
          const Icon = icons[item];
          return (
            <ListItem key={item} disablePadding>
              <ListItemButton selected={item === section} aria-current={item === section ? 'page' : undefined} onClick={() => onSectionChange(item)}>
                <ListItemIcon>
                  <Icon />
                </ListItemIcon>
                <ListItemText primary={t(`navigation.${item}`)} />
              </ListItemButton>
            </ListItem>
          );
        })}
      </List>
    </nav>
  );
}
