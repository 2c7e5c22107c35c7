-- Issue 4: when readers may see a post. published_at for a published post, NULL (never) for a
-- draft, and the start of time for every post in preview mode (essayist.preview=true). Every
-- public query asks "visible_from <= now" (PostRepository.PUBLISHED), so a scheduled post appears
-- at its time without a write, and preview needs no other query.
ALTER TABLE post ADD COLUMN visible_from TIMESTAMP WITH TIME ZONE;
CREATE INDEX post_visible ON post (visible_from, published_at DESC, id DESC);
