/** Name of the readme at the top of the offline copy; Chinese so volunteers find it first. */
export const README_NAME = "README-离线使用说明.txt";

/** What the readme needs to know about the copy. */
export interface ReadmeOptions {
  /** The folder the zip unpacks to, e.g. `union-kb-site-2025-05-01`. */
  top: string;
  /** Base path the site was built for, e.g. `/` or `/kb/`. */
  base: string;
  siteName: string;
  date: Date;
}

/**
 * The readme of the offline copy, for a volunteer with a Windows PC and no
 * internet: unzip, double-click, and why double-clicking index.html does not work.
 */
export function offlineReadme({ top, base, siteName, date }: ReadmeOptions): string {
  const day = date.toISOString().slice(0, 10);
  const url = `http://localhost:8080${base}`;
  return `${siteName} —— 离线副本（制作日期 ${day}）
========================================================

这是知识库网站的离线副本，可以放在 U 盘里，在没有互联网的电脑上使用。

重要：不要直接双击 site 文件夹里的 index.html。
  直接打开文件时（浏览器地址以 file:// 开头），页面之间的链接会失效，搜索也不能用。
  请用下面任一方法在这台电脑上启动一个小小的“网站服务”，再用浏览器打开
  ${url}

第一步：解压
  右键点击 ${top}.zip，选择“全部解压缩”，解压到电脑上（例如桌面）。
  不要在压缩包里直接运行。

方法一：Windows 电脑（不用安装任何软件）
  1. 打开解压出来的 ${top} 文件夹。
  2. 双击 start-windows.bat。
  3. 出现一个黑色窗口，并自动用浏览器打开网站。
     如果浏览器没有自动打开，请在地址栏输入 ${url}
     （8080 端口被占用时会自动改用 8081、8082……，以黑色窗口里显示的地址为准。）
  4. 使用期间不要关闭黑色窗口；用完后关闭它，网站服务就停止了。
  此方法用的是 Windows 10 / 11 自带的 PowerShell，只供这台电脑自己访问。

方法二：电脑上装有 Python 3（Windows、Linux、macOS 都可以）
  在 ${top} 文件夹里打开命令行窗口，输入：
      python -m http.server 8080 --directory site
  （Linux、macOS 上可能要写 python3。）然后用浏览器打开 ${url}
  按 Ctrl+C 停止。

方法三：电脑上装有 Node.js 18 或更新版本
  在 ${top} 文件夹里打开命令行窗口，输入：
      node serve.mjs
  然后打开屏幕上显示的地址。按 Ctrl+C 停止。

让同一局域网里的手机、电脑也能访问
  方法一只供本机使用。可以用方法二（Python 默认对局域网开放），或方法三加上参数：
      node serve.mjs --host 0.0.0.0
  然后在其他设备上打开 http://这台电脑的IP地址:8080${base}
  （在命令行输入 ipconfig（Windows）或 ip addr（Linux）查看 IP 地址；
   Windows 防火墙询问时请选择“允许”。）
  长期、正式的局域网服务，请按项目文档 docs/operating.md 使用 npm run serve。

常见问题
  - 打不开或一片空白：确认黑色窗口（或命令行窗口）还开着，
    地址以 http://localhost 开头，而不是 file://。
  - 提示“无法运行脚本”：请双击 start-windows.bat，不要直接双击 serve.ps1。
  - 搜索不能用：搜索必须通过上面的方法打开网站才能使用。用方法二时如仍不行，
    可能是 Windows 把 .js 文件登记成了错误的类型，请改用方法一或方法三。
  - 内容不是最新的：这份副本制作于 ${day}。需要更新时，在装有本项目的电脑上
    运行 npm run build 和 npm run offline-zip，重新复制新的压缩包。

----------------------------------------------------------------
English

Offline copy of ${siteName}, made on ${day}. Unzip it first.
Do not open site/index.html directly: on file:// links between pages and
search do not work. Start a local web server, then open ${url}
  - Windows 10/11, nothing to install: double-click start-windows.bat
    (built-in PowerShell; this computer only; close the window to stop).
  - Python 3: python -m http.server 8080 --directory site
  - Node.js 18+: node serve.mjs   (add --host 0.0.0.0 to share on the LAN)
`;
}
