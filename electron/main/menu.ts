import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * Builds the application menu: standard edit shortcuts (macOS needs the Edit menu for copy and paste in
 * text fields), zoom, full screen and window roles. Reload and developer tools appear only in
 * unpackaged builds.
 */
export function applicationMenu(isPackaged: boolean): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : [{ role: 'fileMenu' as const }]),
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...(isPackaged
          ? []
          : [
              { role: 'reload' as const },
              { role: 'toggleDevTools' as const },
              { type: 'separator' as const },
            ]),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
