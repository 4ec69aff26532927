package dev.scimkit.console;

import dev.scimkit.console.templates.JteactivityGenerated;
import dev.scimkit.console.templates.JteemployeeGenerated;
import dev.scimkit.console.templates.JteemployeesGenerated;
import dev.scimkit.console.templates.JteerrorGenerated;
import dev.scimkit.console.templates.JteroleGenerated;
import dev.scimkit.console.templates.JterolesGenerated;
import dev.scimkit.console.templates.JtesetupGenerated;
import dev.scimkit.console.templates.JtesigninGenerated;
import dev.scimkit.console.view.ActivityView;
import dev.scimkit.console.view.EmployeeView;
import dev.scimkit.console.view.EmployeesView;
import dev.scimkit.console.view.ErrorView;
import dev.scimkit.console.view.RoleView;
import dev.scimkit.console.view.RolesView;
import dev.scimkit.console.view.SetupView;
import dev.scimkit.console.view.SignInView;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;

import java.util.function.Consumer;

/**
 * Renders the pages. The templates were compiled to Java by jte at build time, so each page is a
 * type-checked static call, and jte's HTML output escapes every value for the place it lands in
 * (text, attribute) – nothing here writes markup itself.
 */
final class Templates {

    private Templates() {
    }

    static String activity(ActivityView v) {
        return render(out -> JteactivityGenerated.render(out, null, v));
    }

    static String employees(EmployeesView v) {
        return render(out -> JteemployeesGenerated.render(out, null, v));
    }

    static String employee(EmployeeView v) {
        return render(out -> JteemployeeGenerated.render(out, null, v));
    }

    static String roles(RolesView v) {
        return render(out -> JterolesGenerated.render(out, null, v));
    }

    static String role(RoleView v) {
        return render(out -> JteroleGenerated.render(out, null, v));
    }

    static String setup(SetupView v) {
        return render(out -> JtesetupGenerated.render(out, null, v));
    }

    static String signIn(SignInView v) {
        return render(out -> JtesigninGenerated.render(out, null, v));
    }

    static String error(ErrorView v) {
        return render(out -> JteerrorGenerated.render(out, null, v));
    }

    private static String render(Consumer<OwaspHtmlTemplateOutput> template) {
        StringOutput text = new StringOutput(8192);
        template.accept(new OwaspHtmlTemplateOutput(text));
        return text.toString();
    }
}
