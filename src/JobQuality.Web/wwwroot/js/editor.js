// The editor form: slugs from titles, a Markdown editor whose preview is rendered by the site
// itself, and the media picker. The form works without any of this.
(function () {
    "use strict";
    document.documentElement.classList.add("has-js");

    var form = document.getElementById("editor-form");
    if (!form) {
        return;
    }

    function slugify(text) {
        return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
            .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 100).replace(/-+$/, "");
    }

    var title = form.querySelector("[data-slug-source]");
    var slug = form.querySelector("[data-slug-target]");
    if (title && slug) {
        var following = slug.value === "" || slug.value === slugify(title.value);
        slug.addEventListener("input", function () { following = slug.value === ""; });
        title.addEventListener("input", function () {
            if (following) {
                slug.value = slugify(title.value);
            }
        });
    }

    var token = form.querySelector("input[name='__RequestVerificationToken']");
    var body = form.querySelector("textarea.markdown-input");
    var editor = null;

    function renderPreview(markdown, element) {
        var data = new FormData();
        data.append("markdown", markdown);
        fetch(body.getAttribute("data-preview-url"), {
            method: "POST",
            body: data,
            credentials: "same-origin",
            headers: { "RequestVerificationToken": token ? token.value : "" }
        }).then(function (response) {
            return response.ok ? response.text() : Promise.reject(response.status);
        }).then(function (html) {
            element.innerHTML = html;
            element.classList.add("prose");
        }).catch(function () {
            element.textContent = "The preview could not be loaded. Use the Preview the body button instead.";
        });
        return "Rendering the preview…";
    }

    if (body && window.EasyMDE) {
        editor = new window.EasyMDE({
            element: body,
            autoDownloadFontAwesome: false,
            spellChecker: false,
            forceSync: true,
            status: false,
            minHeight: "18rem",
            previewRender: renderPreview,
            toolbar: [
                { name: "bold", action: window.EasyMDE.toggleBold, text: "B", title: "Bold" },
                { name: "italic", action: window.EasyMDE.toggleItalic, text: "I", title: "Italic" },
                { name: "heading", action: window.EasyMDE.toggleHeadingSmaller, text: "H", title: "Heading" },
                "|",
                { name: "unordered-list", action: window.EasyMDE.toggleUnorderedList, text: "Bulleted", title: "Bulleted list" },
                { name: "ordered-list", action: window.EasyMDE.toggleOrderedList, text: "Numbered", title: "Numbered list" },
                { name: "link", action: window.EasyMDE.drawLink, text: "Link", title: "Link" },
                { name: "table", action: window.EasyMDE.drawTable, text: "Table", title: "Table" },
                "|",
                { name: "preview", action: window.EasyMDE.togglePreview, text: "Preview", title: "Preview", noDisable: true },
                { name: "side-by-side", action: window.EasyMDE.toggleSideBySide, text: "Side by side", title: "Side by side preview", noDisable: true }
            ]
        });
        // CodeMirror types into a textarea of its own: give it the body's visible label.
        var label = body.id ? document.querySelector("label[for='" + body.id + "']") : null;
        if (label) {
            label.id = label.id || body.id + "-label";
            editor.codemirror.getInputField().setAttribute("aria-labelledby", label.id);
        }
    }

    form.addEventListener("click", function (event) {
        var button = event.target.closest("[data-insert-markdown]");
        if (!button) {
            return;
        }

        var markdown = button.getAttribute("data-insert-markdown");
        if (editor) {
            editor.codemirror.replaceSelection(markdown);
            editor.codemirror.focus();
        } else if (body) {
            var start = body.selectionStart || body.value.length;
            body.value = body.value.slice(0, start) + markdown + body.value.slice(body.selectionEnd || start);
            body.focus();
        }
    });
}());
