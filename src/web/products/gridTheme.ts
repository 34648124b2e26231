// AG Grid's Quartz theme, tuned to the app's calm palette; all Community modules registered once.
import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';

ModuleRegistry.registerModules([AllCommunityModule]);

export const gridTheme = themeQuartz.withParams({
  accentColor: '#2f6f5e',
  fontFamily: 'inherit',
  fontSize: 14,
  headerBackgroundColor: '#f4f5f2',
  headerFontWeight: 600,
  borderColor: '#e1e3dd',
  rowHoverColor: '#f1f6f3',
  selectedRowBackgroundColor: '#e3efe9',
  spacing: 7,
  wrapperBorderRadius: 8,
});
