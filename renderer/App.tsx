import { useState } from 'react';
import { DirectoryScreen } from './directory/DirectoryScreen';
import { ComingSection } from './sections/ComingSection';
import { ComposeRequestContext } from './requests/compose-request';
import { RequestsScreen } from './requests/RequestsScreen';
import { HelpScreen } from './sections/HelpScreen';
import { SettingsScreen } from './sections/SettingsScreen';
import type { Section } from './sections';
import { AppShell } from './shell/AppShell';

export function App() {
  const [section, setSection] = useState<Section>('directory');
  // A draft started elsewhere (e.g. "Send a request" on an authority's page) opens in Requests.
  const [draftToOpen, setDraftToOpen] = useState<string>();
  const changeSection = (next: Section) => {
    setDraftToOpen(undefined);
    setSection(next);
  };
  const compose = (draftId: string) => {
    setDraftToOpen(draftId);
    setSection('requests');
  };
  return (
    <ComposeRequestContext.Provider value={compose}>
      <AppShell section={section} onSectionChange={changeSection}>
        {section === 'directory' && <DirectoryScreen />}
        {section === 'requests' && <RequestsScreen key={draftToOpen ?? ''} openDraft={draftToOpen} />}
        {(section === 'alerts' || section === 'monitoring') && <ComingSection section={section} />}
        {section === 'help' && <HelpScreen />}
        {section === 'settings' && <SettingsScreen />}
      </AppShell>
    </ComposeRequestContext.Provider>
  );
}
