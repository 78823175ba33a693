import { createTheme } from '@mui/material/styles';

// No web fonts: the workstation runs offline on managed desktops, so it uses the system's.
export const theme = createTheme({
  palette: {
    primary: { main: '#003399' },
    secondary: { main: '#8a6d00' },
    background: { default: '#f4f6fa' },
  },
  typography: {
    fontFamily: '"Segoe UI", "Noto Sans", "DejaVu Sans", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
  shape: { borderRadius: 6 },
  components: {
    MuiButton: { styleOverrides: { root: { textTransform: 'none' } } },
    MuiToggleButton: { styleOverrides: { root: { textTransform: 'none' } } },
  },
});
