// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Reading XML for the GraphML and GEXF importers (pugixml, implemented in graphml.cpp): the
// encoding settled, nesting and size limited, every problem named by line. Callers see pugi's
// node type only through these helpers.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kring/io/foreign_mapping.h"

namespace pugi {
class xml_document;
class xml_node;
}  // namespace pugi

namespace kring::xml {

class Document {
public:
    // Parses the file's bytes, in place (UTF-8 files are not copied); throws Error (file, line)
    // when they are not well-formed XML, nest deeper than kMaxForeignDepth or hold more elements
    // than a map can.
    Document(std::string bytes, const std::string& name);
    ~Document();
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    // The root element (the first element child of the document).
    pugi::xml_node root() const;
    int lineOf(const pugi::xml_node&) const;
    const std::string& name() const { return name_; }
    // Remarks on the encoding ("the file was UTF-16 …").
    std::vector<std::string> notes;

    [[noreturn]] void fail(const pugi::xml_node& at, const std::string& what) const;

private:
    std::string name_;
    std::string text_;
    std::unique_ptr<pugi::xml_document> doc_;
    TextLines lines_;
};

// An element's name without its namespace prefix ("y:NodeLabel" → "NodeLabel").
std::string_view localName(const pugi::xml_node&);
// The text directly inside an element (its text and CDATA parts, joined).
std::string textOf(const pugi::xml_node&);
// The first descendant element with this local name, or an empty node.
pugi::xml_node findDescendant(const pugi::xml_node&, std::string_view local);
// An <edge>'s id, source, target and line, as GraphML and GEXF both write them; Error (line)
// when it lacks an end.
ForeignEdge edgeEnds(const Document&, const pugi::xml_node& edge);

}  // namespace kring::xml
