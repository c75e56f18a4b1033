/** UI language of the page: the server renders <html lang="zh-CN"> (default) or <html lang="en">. */
export type Language = 'zh' | 'en';

export function pageLanguage(): Language {
  const lang = (document.documentElement.lang || '').toLowerCase();
  return lang.startsWith('en') ? 'en' : 'zh';
}

const messages = {
  zh: {
    'designer.new': '新建',
    'designer.open': '打开 .bpmn 文件',
    'designer.downloadBpmn': '下载 .bpmn',
    'designer.downloadSvg': '下载 SVG',
    'designer.saveDraft': '保存草稿',
    'designer.validate': '校验',
    'designer.publish': '发布',
    'designer.diff': '与运行版本对比',
    'designer.lint': '规范检查',
    'designer.minimap': '缩略图',
    'designer.simulation': '令牌模拟',
    'designer.loadedDraft': '已载入草稿。',
    'designer.loadedRunning': '已载入运行中的版本。',
    'designer.newDiagram': '新建流程图。',
    'designer.opened': '已打开文件 {name}。',
    'designer.draftSaved': '草稿已保存（{time}）。',
    'designer.valid': '校验通过，没有错误。',
    'designer.published': '已发布：流程 {key}，版本 {version}。',
    'designer.errors': '发现 {count} 个问题：',
    'designer.warnings': '提示：',
    'designer.importWarnings': '导入时有 {count} 条警告（未识别的内容已保留）。',
    'designer.namespacesConverted': 'Activiti/Flowable 扩展属性已按 Camunda 命名空间载入。',
    'designer.confirmNew': '当前流程图未保存的修改将丢失，是否继续？',
    'designer.confirmPublish': '确定发布为新版本吗？运行中的实例仍使用原版本。',
    'designer.noRunning': '尚无运行中的版本可供对比。',
    'designer.diffTitle': '左：运行中的版本 {version}；右：当前编辑的流程图',
    'designer.diffNone': '两个版本之间没有差异。',
    'designer.diffClose': '关闭对比',
    'designer.diffAgainst': '对比版本',
    'designer.running': '运行中',
    'diff.added': '新增',
    'diff.removed': '删除',
    'diff.changed': '修改',
    'diff.layoutChanged': '仅布局变化',
    'error.network': '无法连接服务器：{message}',
    'error.http': '服务器返回错误 {status}。',
    'error.load': '无法载入流程图：{message}',
    'viewer.completed': '已完成',
    'viewer.active': '进行中',
    'viewer.incident': '异常',
    'viewer.fit': '适应窗口',
    'forms.submit': '提交',
    'forms.submitting': '正在提交…',
    'forms.fixErrors': '请更正以下内容：',
    'forms.submitted': '已提交。',
    'charts.noData': '暂无数据',
    'upload.uploading': '正在上传… {percent}%',
    'upload.done': '上传完成，正在处理…',
    'upload.failed': '上传失败：{message}'
  },
  en: {
    'designer.new': 'New',
    'designer.open': 'Open .bpmn file',
    'designer.downloadBpmn': 'Download .bpmn',
    'designer.downloadSvg': 'Download SVG',
    'designer.saveDraft': 'Save draft',
    'designer.validate': 'Validate',
    'designer.publish': 'Publish',
    'designer.diff': 'Diff vs running version',
    'designer.lint': 'Lint',
    'designer.minimap': 'Minimap',
    'designer.simulation': 'Token simulation',
    'designer.loadedDraft': 'Draft loaded.',
    'designer.loadedRunning': 'Running version loaded.',
    'designer.newDiagram': 'New diagram.',
    'designer.opened': 'Opened {name}.',
    'designer.draftSaved': 'Draft saved ({time}).',
    'designer.valid': 'Valid: no errors.',
    'designer.published': 'Published process {key}, version {version}.',
    'designer.errors': '{count} problem(s) found:',
    'designer.warnings': 'Warnings:',
    'designer.importWarnings': 'Imported with {count} warning(s) (unknown content was kept).',
    'designer.namespacesConverted': 'Activiti/Flowable extension attributes were loaded in the Camunda namespace.',
    'designer.confirmNew': 'Unsaved changes to this diagram will be lost. Continue?',
    'designer.confirmPublish': 'Publish as a new version? Running instances stay on their version.',
    'designer.noRunning': 'There is no running version to compare with yet.',
    'designer.diffTitle': 'Left: running version {version}; right: the diagram being edited',
    'designer.diffNone': 'The two versions do not differ.',
    'designer.diffClose': 'Close diff',
    'designer.diffAgainst': 'Compare with version',
    'designer.running': 'running',
    'diff.added': 'Added',
    'diff.removed': 'Removed',
    'diff.changed': 'Changed',
    'diff.layoutChanged': 'Layout only',
    'error.network': 'Cannot reach the server: {message}',
    'error.http': 'The server answered with error {status}.',
    'error.load': 'Cannot load the diagram: {message}',
    'viewer.completed': 'Completed',
    'viewer.active': 'Active',
    'viewer.incident': 'Incident',
    'viewer.fit': 'Fit to view',
    'forms.submit': 'Submit',
    'forms.submitting': 'Submitting…',
    'forms.fixErrors': 'Please correct the following:',
    'forms.submitted': 'Submitted.',
    'charts.noData': 'No data',
    'upload.uploading': 'Uploading… {percent}%',
    'upload.done': 'Uploaded, processing…',
    'upload.failed': 'Upload failed: {message}'
  }
} as const;

export type MessageKey = keyof typeof messages.zh;

/** Looks up a UI text in the page language and fills its {placeholders}. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template: string = messages[pageLanguage()][key] ?? messages.zh[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole);
}
