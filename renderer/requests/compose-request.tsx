// Opening the composer from elsewhere (an authority's page in the directory): the screen that
// holds the sections provides it; a draft is opened in the Requests section.
import { createContext, useContext } from 'react';

export const ComposeRequestContext = createContext<(draftId: string) => void>(() => {});

export function useComposeRequest(): (draftId: string) => void {
  return useContext(ComposeRequestContext);
}
