/** Ui (menus, sidebars, alerts) and HtmlService fakes. */
import type { GButton, GButtonSet, GHtmlOutput, GHtmlService, GMenu, GUi } from '../../../src/gas/services';
import { FakeContext, MenuLog, unwrap } from './context';
import { Button, ButtonSet } from './enums';
import { fail } from './errors';

// ---------------------------------------------------------------------------------------------
// HtmlOutput / HtmlService

export class HtmlOutputFake implements GHtmlOutput {
  declare readonly _self: GHtmlOutput;
  title = '';
  width = 300;
  height = 400;
  sandbox: string | null = null;
  xframe: string | null = null;
  meta: Record<string, string> = {};

  constructor(public content: string) {}
  setTitle(title: string): GHtmlOutput {
    this.title = String(title);
    return this._self;
  }
}

function htmlOf(x: GHtmlOutput): HtmlOutputFake {
  const raw = unwrap(x) as unknown as HtmlOutputFake;
  if (!(raw instanceof HtmlOutputFake)) fail('Invalid argument: userInterface');
  return raw;
}

export class HtmlServiceFake implements GHtmlService {
  constructor(private readonly ctx: FakeContext) {}
  createHtmlOutputFromFile(filename: string): GHtmlOutput {
    return this.ctx.wrap('HtmlOutput', new HtmlOutputFake(this.ctx.htmlFile(String(filename))));
  }
}

// ---------------------------------------------------------------------------------------------
// Menu / Ui

class MenuFake implements GMenu {
  declare readonly _self: GMenu;
  constructor(
    private readonly ctx: FakeContext,
    readonly _log: MenuLog,
  ) {}
  addItem(caption: string, functionName: string): GMenu {
    if (typeof functionName !== 'string' || !functionName) fail('Invalid argument: functionName');
    this._log.items.push({ caption: String(caption), functionName });
    return this._self;
  }
  addSeparator(): GMenu {
    this._log.items.push({ separator: true });
    return this._self;
  }
  addToUi(): void {
    const menus = this.ctx.ui.menus;
    const i = menus.findIndex((m) => m.kind === this._log.kind && m.title === this._log.title);
    const copy = JSON.parse(JSON.stringify(this._log)) as MenuLog;
    if (i >= 0) menus[i] = copy;
    else menus.push(copy);
  }
}

/** The button a dialog answers with: the next queued response, else the affirmative button. */
function answer(ctx: FakeContext, buttons: string): string {
  return ctx.ui.responses.shift() ?? (buttons.startsWith('YES') ? 'YES' : 'OK');
}

class UiFake implements GUi {
  readonly ButtonSet = ButtonSet;
  readonly Button = Button;
  constructor(private readonly ctx: FakeContext) {}

  alert(title: string, prompt: string, buttons: GButtonSet): GButton {
    const set = String(buttons);
    const button = answer(this.ctx, set);
    this.ctx.ui.alerts.push({ title: String(title), prompt: String(prompt), buttons: set, response: button });
    return button as unknown as GButton;
  }
  createAddonMenu(): GMenu {
    return this.ctx.wrap('Menu', new MenuFake(this.ctx, { kind: 'addon', title: '(add-on)', items: [] }));
  }
  createMenu(caption: string): GMenu {
    if (typeof caption !== 'string' || !caption) fail('Invalid argument: caption');
    return this.ctx.wrap('Menu', new MenuFake(this.ctx, { kind: 'menu', title: caption, items: [] }));
  }
  showSidebar(userInterface: GHtmlOutput): void {
    const h = htmlOf(userInterface);
    this.ctx.ui.sidebars.push({ title: h.title, html: h.content, width: h.width, user: this.ctx.user });
  }
}

export function makeUi(ctx: FakeContext): GUi {
  return ctx.wrap('Ui', new UiFake(ctx));
}
