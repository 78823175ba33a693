import { useState } from 'react';
import { DirectoryScreen } from './directory/DirectoryScreen';
import { ComingSection } from './sections/ComingSection';
import { RequestsScreen } from './requests/RequestsScreen';
import { HelpScreen } from './sections/HelpScreen';
import { SettingsScreen } from './sections/SettingsScreen';
import type { Section } from './sections';
import { AppShell } from './shell/AppShell';

export function App() {
  const [section, setSection] = useState<Section>('directory');
  return (
    <AppShell section={section} onSectionChange={setSection}>
      {section === 'directory' && <DirectoryScreen />}
      {section === 'requests' && <RequestsScreen />}
      {(section === 'alerts' || section === 'monitoring') && <ComingSection section={section} />}
      {section === 'help' && <HelpScreen />}
      {section === 'settings' && <SettingsScreen />}
    </AppShell>
  );
}
