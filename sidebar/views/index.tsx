/** View per sidebar section; each capability owns its file. */
import type { FunctionComponent } from 'preact';
import type { SidebarView } from '../../src/app/menu';
import { Pending } from './Pending';
import { Forms } from './Forms';
import { Settings } from './Settings';
import { Orders } from './Orders';
import { Monitoring } from './Monitoring';
import { Roadmap } from './Roadmap';
import { Registers } from './Registers';
import { Match } from './Match';

const _pending = (title: string): FunctionComponent => () => <Pending title={title} />;

export const VIEWS: Record<Exclude<SidebarView, 'home'>, FunctionComponent> = {
  registers: Registers,
  forms: Forms,
  match: Match,
  roadmap: Roadmap,
  orders: Orders,
  monitoring: Monitoring,
  settings: Settings,
};
