/**
 * The «Наставничество» menu, declared once. Each item becomes a top-level Apps Script function
 * (its id) and a menu entry in the local preview. An item either opens a sidebar view or runs a
 * server function and shows its summary in a toast; an item whose server function has not
 * landed yet says so instead of failing.
 */
export type SidebarView = 'home' | 'registers' | 'forms' | 'match' | 'roadmap' | 'orders' | 'monitoring' | 'settings';

export const SIDEBAR_VIEWS: readonly SidebarView[] = ['home', 'registers', 'forms', 'match', 'roadmap', 'orders', 'monitoring', 'settings'];

export interface MenuItem {
  id: string;
  title: string;
  /** Opens the sidebar on this view. */
  view?: SidebarView;
  /** Runs this server function (returns { summary }) and toasts the summary. */
  run?: string;
  separatorBefore?: boolean;
}

export const MENU: readonly MenuItem[] = [
  { id: 'menuOpenSidebar', title: 'Открыть панель', view: 'home' },
  { id: 'menuSetup', title: 'Настроить таблицу', run: 'setupSpreadsheet', separatorBefore: true },
  { id: 'menuCheck', title: 'Проверить реестры', run: 'checkAndHighlight' },
  { id: 'menuForms', title: 'Добавить участника или пару', view: 'forms' },
  { id: 'menuMatch', title: 'Подобрать пары', view: 'match', separatorBefore: true },
  { id: 'menuImportRoadmap', title: 'Импорт дорожной карты', view: 'roadmap' },
  { id: 'menuHighlightDeadlines', title: 'Подсветить сроки', run: 'highlightDeadlines' },
  { id: 'menuOrder', title: 'Сформировать приказ', view: 'orders' },
  { id: 'menuMonitoring', title: 'Мониторинг', view: 'monitoring', separatorBefore: true },
  { id: 'menuUpdateMonitoring', title: 'Обновить лист «Мониторинг»', run: 'updateMonitoringSheet' },
  { id: 'menuSettings', title: 'Настройки', view: 'settings' },
];

export const MENU_TITLE = 'Наставничество';
