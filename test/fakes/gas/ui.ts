/** Ui (menus, sidebars, dialogs, alerts) and HtmlService fakes. */
import type {
  GButton,
  GButtonSet,
  GHtmlOutput,
  GHtmlService,
  GMenu,
  GSandboxMode,
  GUi,
  GXFrameOptionsMode,
} from '../../../src/gas/services';
import { FakeContext, MenuLog, unwrap } from './context';
import { Button, ButtonSet, SandboxMode, XFrameOptionsMode } from './enums';
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

  getContent(): string {
    return this.content;
  }
  setContent(content: string): GHtmlOutput {
    this.content = String(content);
    return this._self;
  }
  append(addedContent: string): GHtmlOutput {
    this.content += String(addedContent);
    return this._self;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): GHtmlOutput {
    this.title = String(title);
    return this._self;
  }
  getWidth(): number {
    return this.width;
  }
  setWidth(width: number): GHtmlOutput {
    this.width = width;
    return this._self;
  }
  getHeight(): number {
    return this.height;
  }
  setHeight(height: number): GHtmlOutput {
    this.height = height;
    return this._self;
  }
  addMetaTag(name: string, content: string): GHtmlOutput {
    this.meta[name] = content;
    return this._self;
  }
  setSandboxMode(mode: GSandboxMode): GHtmlOutput {
    this.sandbox = String(mode);
    return this._self;
  }
  setXFrameOptionsMode(mode: GXFrameOptionsMode): GHtmlOutput {
    this.xframe = String(mode);
    return this._self;
  }
}

function htmlOf(x: GHtmlOutput): HtmlOutputFake {
  const raw = unwrap(x) as unknown as HtmlOutputFake;
  if (!(raw instanceof HtmlOutputFake)) fail('Invalid argument: userInterface');
  return raw;
}

export class HtmlServiceFake implements GHtmlService {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  constructor(private readonly ctx: FakeContext) {}
  createHtmlOutput(html?: string): GHtmlOutput {
    return this.ctx.wrap('HtmlOutput', new HtmlOutputFake(html === undefined ? '' : String(html)));
  }
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
  addSubMenu(menu: GMenu): GMenu {
    const raw = unwrap(menu) as unknown as MenuFake;
    this._log.items.push({ submenu: raw._log });
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
function answer(ctx: FakeContext, buttons: string): { button: string; text: string } {
  const queued = ctx.ui.responses.shift();
  if (queued) return { button: queued.button, text: queued.text ?? '' };
  return { button: buttons.startsWith('YES') ? 'YES' : 'OK', text: '' };
}

class UiFake implements GUi {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(private readonly ctx: FakeContext) {}

  alert(a: string, b?: string | GButtonSet, c?: GButtonSet): GButton {
    const title = c !== undefined ? String(a) : null;
    const prompt = c !== undefined ? String(b) : String(a);
    const buttons = String(c ?? (b !== undefined ? b : 'OK'));
    const { button } = answer(this.ctx, buttons);
    this.ctx.ui.alerts.push({ title, prompt, buttons, response: button });
    return button as unknown as GButton;
  }
  prompt(a: string, b?: string | GButtonSet, c?: GButtonSet): GoogleAppsScript.Base.PromptResponse {
    const title = c !== undefined ? String(a) : null;
    const prompt = c !== undefined ? String(b) : String(a);
    const buttons = String(c ?? (b !== undefined ? b : 'OK'));
    const { button, text } = answer(this.ctx, buttons);
    this.ctx.ui.prompts.push({ title, prompt, buttons, response: button, text });
    return this.ctx.wrap('PromptResponse', {
      getResponseText: () => text,
      getSelectedButton: () => button as unknown as GButton,
    });
  }
  createAddonMenu(): GMenu {
    return this.ctx.wrap('Menu', new MenuFake(this.ctx, { kind: 'addon', title: '(add-on)', items: [] }));
  }
  createMenu(caption: string): GMenu {
    return this.ctx.wrap('Menu', new MenuFake(this.ctx, { kind: 'menu', title: String(caption), items: [] }));
  }
  showSidebar(userInterface: GHtmlOutput): void {
    const h = htmlOf(userInterface);
    this.ctx.ui.sidebars.push({ title: h.title, html: h.content, width: h.width, user: this.ctx.user });
  }
  showModalDialog(userInterface: GHtmlOutput, title: string): void {
    const h = htmlOf(userInterface);
    this.ctx.ui.dialogs.push({ title: String(title), html: h.content, width: h.width, height: h.height, modal: true, user: this.ctx.user });
  }
  showModelessDialog(userInterface: GHtmlOutput, title: string): void {
    const h = htmlOf(userInterface);
    this.ctx.ui.dialogs.push({
      title: String(title),
      html: h.content,
      width: h.width,
      height: h.height,
      modal: false,
      user: this.ctx.user,
    });
  }
}

export function makeUi(ctx: FakeContext): GUi {
  return ctx.wrap('Ui', new UiFake(ctx));
}
