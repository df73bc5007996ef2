const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The page served instead of the web app when it has not been built. */
export function missingBuildPage(webDir: string): string {
  return `<!doctype html>
<html lang="es-AR">
<head><meta charset="utf-8"><title>Cotejo: falta compilar la aplicación web</title></head>
<body>
<h1>La aplicación web de Cotejo no está compilada</h1>
<p>El servidor funciona (la API responde), pero no encontró <code>index.html</code> en
<code>${escapeHtml(webDir)}</code>.</p>
<p>Compílela con <code>npm run build -w packages/web</code> y vuelva a cargar esta página;
<code>npm start</code> la compila sola. Otra carpeta se indica con la variable <code>WEB_DIR</code>.</p>
</body>
</html>
`;
}
