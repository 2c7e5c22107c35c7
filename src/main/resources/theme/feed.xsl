<?xml version="1.0" encoding="UTF-8"?>
<!-- Shows /feed.xml as a readable page when a browser opens it; feed readers ignore this. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:atom="http://www.w3.org/2005/Atom">
  <xsl:output method="html" version="5.0" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>
  <xsl:template match="/rss/channel">
    <html lang="{language}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="title"/> · RSS feed</title>
        <link rel="stylesheet" href="/static/css/site.css"/>
      </head>
      <body>
        <header class="site-header">
          <div class="wrap"><a class="site-title" href="{link}"><xsl:value-of select="title"/></a></div>
        </header>
        <main id="main" class="wrap">
          <h1 class="page-title">Subscribe</h1>
          <p class="lede">This is an RSS feed. Copy its address into your feed reader to get new essays as they are published:</p>
          <p><code><xsl:value-of select="atom:link[@rel='self']/@href"/></code></p>
          <p><xsl:value-of select="description"/></p>
          <h2>Latest essays</h2>
          <ol class="post-list">
            <xsl:for-each select="item">
              <li>
                <article class="post-summary">
                  <h3><a href="{link}"><xsl:value-of select="title"/></a></h3>
                  <p class="meta"><xsl:value-of select="substring(pubDate, 6, 11)"/></p>
                  <p class="summary"><xsl:value-of select="description"/></p>
                </article>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
